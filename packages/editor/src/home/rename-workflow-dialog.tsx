import type { WorkflowResource } from '@casework/shared';
import { useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { FormDialog } from '../ui/form-dialog.tsx';

interface RenameWorkflowDialogProps {
  workflow: WorkflowResource;
  onRenamed: (workflow: WorkflowResource) => void;
  onClose: () => void;
}

export function RenameWorkflowDialog({ workflow, onRenamed, onClose }: RenameWorkflowDialogProps) {
  const api = useApi();
  const [name, setName] = useState(workflow.attributes.name);
  return (
    <FormDialog
      title="Rename workflow"
      submitLabel="Rename"
      canSubmit={name.trim() !== ''}
      onSubmit={async () => onRenamed(await api.workflows.rename(workflow.id, name.trim()))}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
