import type { WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { routeHref } from '../app/route.ts';
import { navigate } from '../app/use-hash-route.ts';
import { useApi } from '../session/use-api.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { FormDialog } from '../ui/form-dialog.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { versionAuthor } from './version-author.ts';

/** Above a version on view: which version, that it is read-only, its notes; back to the draft, or restore it. */
export function VersionBar({ workflow, version }: { workflow: WorkflowResource; version: WorkflowVersionResource }) {
  const api = useApi();
  const { design } = usePermissions();
  const [confirming, setConfirming] = useState(false);
  const { number, notes, 'created-at': createdAt } = version.attributes;
  const draftHref = routeHref({ page: 'workflow', workflowId: workflow.id });
  const restore = async () => {
    await api.workflows.restore(workflow.id, version.id, workflow.attributes['draft-revision']);
    navigate(draftHref);
  };
  return (
    <div className="workflow-bar-area ui">
      <div className="workflow-bar" role="toolbar" aria-label="Version">
        <a className="workflow-bar-back" href={draftHref}>
          ← Back to the draft
        </a>
        <h2 className="workflow-bar-name" title={workflow.attributes.name}>
          {workflow.attributes.name}
        </h2>
        <strong>Version {number}</strong>
        {workflow.attributes['live-version-id'] === version.id && <span className="live-badge">Live</span>}
        <span className="read-only-badge" data-testid="read-only-badge">
          Read-only
        </span>
        <span className="muted version-bar-meta" title={notes ?? undefined}>
          Published {formatDateTime(createdAt)} by {versionAuthor(version)}
          {notes ? ` — ${notes}` : ''}
        </span>
        {design && (
          <button type="button" onClick={() => setConfirming(true)}>
            Restore this version
          </button>
        )}
      </div>
      {confirming && (
        <FormDialog
          title={`Restore version ${number}?`}
          submitLabel="Restore into the draft"
          onSubmit={restore}
          onClose={() => setConfirming(false)}
        >
          <p>
            The draft becomes the graph of v{number}, replacing what it holds now. Publish afterwards to make it live.
          </p>
        </FormDialog>
      )}
    </div>
  );
}
