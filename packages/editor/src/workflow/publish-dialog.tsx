import type { WorkflowIssue, WorkflowVersionResource } from '@casework/shared';
import { useId, useState, type FormEvent } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ModalDialog } from '../ui/modal-dialog.tsx';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<readonly WorkflowIssue[]>([]);
  const formId = useId();

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      if (!(await flush())) throw new Error('The draft could not be saved, so there is nothing new to publish yet.');
      onPublished(await api.workflows.publish(workflowId, notes));
      onClose();
    } catch (failure) {
      const refused = isApiRequestError(failure) && failure.status === 422 && failure.issues.length > 0;
      setError(refused ? 'The API refused to publish: the workflow does not compile.' : describeError(failure));
      if (refused) setIssues(failure.issues);
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Publish a new version"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button-primary" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </>
      }
    >
      <p>
        The draft becomes a new, immutable version and goes live: new runs use it, runs already started keep the version
        they started on.
      </p>
      <form id={formId} onSubmit={(event) => void publish(event)}>
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
      </form>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
      {issues.length > 0 && (
        <ul className="publish-issues" data-testid="publish-issues">
          {issues.map((found, index) => (
            <li key={index} data-severity={found.severity}>
              <strong>{found.severity}</strong> {found['node-id'] !== null && <code>{found['node-id']}</code>}{' '}
              {found.message} <code className="muted">{found.code}</code>
            </li>
          ))}
        </ul>
      )}
    </ModalDialog>
  );
}
