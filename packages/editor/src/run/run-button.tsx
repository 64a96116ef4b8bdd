import type { WorkflowRunResource } from '@casework/shared';
import { useState } from 'react';
import { ExplainedButton } from '../ui/explained-button.tsx';
import { RunDialog } from './run-dialog.tsx';
import { runBlockedReason, useLiveTrigger } from './use-live-trigger.ts';

interface RunButtonProps {
  workflowId: string;
  liveVersionId: string | null;
  onStarted: (run: WorkflowRunResource) => void;
}

/** "Run…": opens the test-run dialog, or says (disabled) why there is nothing to run over HTTP. */
export function RunButton({ workflowId, liveVersionId, onStarted }: RunButtonProps) {
  const live = useLiveTrigger(liveVersionId);
  const [open, setOpen] = useState(false);
  const reason = runBlockedReason(live);
  return (
    <>
      <ExplainedButton
        label="Run…"
        title="Start a test run of the live version"
        disabledReason={reason}
        onClick={() => setOpen(true)}
      />
      {open && live.status === 'loaded' && live.spec.kind === 'api' && (
        <RunDialog
          workflowId={workflowId}
          versionNumber={live.versionNumber}
          fields={live.spec.fields}
          onStarted={onStarted}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
