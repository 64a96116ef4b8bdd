import type { WorkflowVersionResource } from '@casework/shared';
import { useId, useState } from 'react';
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
  const reasonId = useId();
  const reason =
    blockedBy ??
    (errors > 0 ? `Fix the ${errors} error${errors === 1 ? '' : 's'} in the issues list before publishing.` : null);
  return (
    <>
      {/* A disabled button shows no tooltip in some browsers: the wrapper carries it. */}
      <span title={reason ?? 'Publish the draft as a new version'}>
        <button
          type="button"
          className="button-primary"
          disabled={reason !== null}
          onClick={() => setOpen(true)}
          aria-describedby={reason === null ? undefined : reasonId}
        >
          Publish…
        </button>
      </span>
      {reason !== null && (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      )}
      {open && (
        <PublishDialog workflowId={workflowId} flush={flush} onPublished={onPublished} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
