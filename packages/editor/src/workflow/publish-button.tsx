import type { WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { ExplainedButton } from '../ui/explained-button.tsx';
import { PublishDialog } from './publish-dialog.tsx';
import { useCompileErrorCount } from './use-compile-errors.ts';

interface PublishButtonProps {
  workflowId: string;
  flush: () => Promise<boolean>;
  onPublished: (version: WorkflowVersionResource) => void;
  /** Why publishing is impossible regardless of the graph (a reload pending), if it is. */
  blockedBy?: string | null;
}

/** Opens the publish dialog; disabled, saying why, while the local compile finds errors. */
export function PublishButton({ workflowId, flush, onPublished, blockedBy = null }: PublishButtonProps) {
  const errors = useCompileErrorCount();
  const [open, setOpen] = useState(false);
  const reason =
    blockedBy ??
    (errors > 0 ? `Fix the ${errors} error${errors === 1 ? '' : 's'} in the issues list before publishing.` : null);
  return (
    <>
      <ExplainedButton
        label="Publish…"
        title="Publish the draft as a new version"
        disabledReason={reason}
        className="button-primary"
        onClick={() => setOpen(true)}
      />
      {open && (
        <PublishDialog workflowId={workflowId} flush={flush} onPublished={onPublished} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
