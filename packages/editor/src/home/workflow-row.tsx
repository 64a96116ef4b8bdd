import type { WorkflowResource } from '@casework/shared';
import { memo, useState } from 'react';
import { routeHref } from '../app/route.ts';
import { useApi } from '../session/use-api.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { FormDialog } from '../ui/form-dialog.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { LastRunCell } from './last-run-cell.tsx';
import { RenameWorkflowDialog } from './rename-workflow-dialog.tsx';

interface WorkflowRowProps {
  workflow: WorkflowResource;
  onChanged: (workflow: WorkflowResource) => void;
}

/** One workflow in the home list: its name (opens it), live version, last run, and rename / delete. */
export const WorkflowRow = memo(function WorkflowRow({ workflow, onChanged }: WorkflowRowProps) {
  const api = useApi();
  const { design } = usePermissions();
  const [dialog, setDialog] = useState<'rename' | 'archive' | null>(null);
  const { name, 'live-version-number': live, 'updated-at': updatedAt } = workflow.attributes;
  const close = () => setDialog(null);
  return (
    <tr data-testid="workflow-row" data-workflow-id={workflow.id}>
      <th scope="row">
        <a href={routeHref({ page: 'workflow', workflowId: workflow.id })}>{name}</a>
      </th>
      <td>
        {live === null ? <span className="muted">Not published</span> : <span className="live-badge">v{live}</span>}
      </td>
      <td>
        <LastRunCell workflowId={workflow.id} />
      </td>
      <td className="muted">{formatDateTime(updatedAt)}</td>
      <td className="row-actions">
        {design && (
          <>
            <button type="button" onClick={() => setDialog('rename')} aria-label={`Rename ${name}`}>
              Rename
            </button>
            <button type="button" onClick={() => setDialog('archive')} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </>
        )}
        {dialog === 'rename' && <RenameWorkflowDialog workflow={workflow} onRenamed={onChanged} onClose={close} />}
        {dialog === 'archive' && (
          <FormDialog
            title={`Delete “${name}”?`}
            submitLabel="Delete workflow"
            danger
            onClose={close}
            onSubmit={async () => onChanged(await api.workflows.archive(workflow.id))}
          >
            <p>
              The workflow is archived: it leaves this list, can no longer be published or triggered, and runs already
              started carry on. Its versions stay readable through the API.
            </p>
          </FormDialog>
        )}
      </td>
    </tr>
  );
});
