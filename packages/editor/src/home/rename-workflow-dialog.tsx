import type { WorkflowResource } from '@casework/shared';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ModalDialog } from '../ui/modal-dialog.tsx';

interface RenameWorkflowDialogProps {
  workflow: WorkflowResource;
  onRenamed: (workflow: WorkflowResource) => void;
  onClose: () => void;
}

export function RenameWorkflowDialog({ workflow, onRenamed, onClose }: RenameWorkflowDialogProps) {
  const api = useApi();
  const [name, setName] = useState(workflow.attributes.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRenamed(await api.workflows.rename(workflow.id, name.trim()));
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Rename workflow"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button-primary" disabled={busy || name.trim() === ''}>
            Rename
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void save(event)}>
        <label className="form-field">
          <span>Name</span>
          <input
            className="text-input"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            autoFocus
          />
        </label>
      </form>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </ModalDialog>
  );
}
