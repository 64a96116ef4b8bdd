import type { WorkflowIssue, WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { FormDialog } from '../ui/form-dialog.tsx';

interface PublishDialogProps {
  workflowId: string;
  /** Saves the draft first: the API publishes what it holds. False when the save failed. */
  flush: () => Promise<boolean>;
  onPublished: (version: WorkflowVersionResource) => void;
  onClose: () => void;
}

/** Notes for the new version, then `POST /workflows/{id}/publish`; a 422 lists the compiler's issues. */
export function PublishDialog({ workflowId, flush, onPublished, onClose }: PublishDialogProps) {
  const api = useApi();
  const [notes, setNotes] = useState('');
  const [percent, setPercent] = useState(100);
  const [issues, setIssues] = useState<readonly WorkflowIssue[]>([]);

  const publish = async () => {
    setIssues([]);
    if (!(await flush())) throw new Error('The draft could not be saved, so there is nothing new to publish yet.');
    onPublished(await api.workflows.publish(workflowId, notes, percent));
  };

  /** The message for a failure; a refusal to compile also lists the compiler's issues under it. */
  const explainFailure = (failure: unknown) => {
    if (!(isApiRequestError(failure) && failure.status === 422 && failure.issues.length > 0)) {
      return describeError(failure);
    }
    setIssues(failure.issues);
    return 'The API refused to publish: the workflow does not compile.';
  };

  return (
    <FormDialog
      title="Publish a new version"
      submitLabel="Publish"
      busyLabel="Publishing…"
      onSubmit={publish}
      onFailure={explainFailure}
      onClose={onClose}
      afterError={issues.length > 0 && <PublishIssues issues={issues} />}
    >
      <p>
        The draft becomes a new, immutable version and goes live: new runs use it, runs already started keep the version
        they started on.
      </p>
      <label className="form-field">
        <span>
          Notes <span className="form-field-hint">(optional: what changed and why)</span>
        </span>
        <textarea
          className="text-input"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          autoFocus
        />
      </label>
      <label className="form-field">
        <span>
          Share of new runs, %{' '}
          <span className="form-field-hint">
            (below 100: a staged rollout; the other runs stay on the current live version until you change it under
            Versions)
          </span>
        </span>
        <input
          className="text-input"
          type="number"
          min={0}
          max={100}
          step={1}
          value={percent}
          data-testid="rollout-percent"
          onChange={(event) => setPercent(Math.min(100, Math.max(0, Math.round(Number(event.target.value) || 0))))}
        />
      </label>
    </FormDialog>
  );
}

/** Why the compiler refused the draft, one issue a line, with the node it is about. */
function PublishIssues({ issues }: { issues: readonly WorkflowIssue[] }) {
  return (
    <ul className="publish-issues" data-testid="publish-issues">
      {issues.map((found, index) => (
        <li key={index} data-severity={found.severity}>
          <strong>{found.severity}</strong> {found['node-id'] !== null && <code>{found['node-id']}</code>}{' '}
          {found.message} <code className="muted">{found.code}</code>
        </li>
      ))}
    </ul>
  );
}
