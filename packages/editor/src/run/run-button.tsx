import type { WorkflowRunResource } from '@casework/shared';
import { useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ExplainedButton } from '../ui/explained-button.tsx';
import { RunDialog } from './run-dialog.tsx';
import { runBlockedReason, type LiveTrigger } from './use-live-trigger.ts';

interface RunButtonProps {
  workflowId: string;
  /** How the live version starts (use-live-trigger.ts), loaded once by the bar for this button and the next-run label. */
  live: LiveTrigger;
  onStarted: (run: WorkflowRunResource) => void;
}

/**
 * "Run…": opens the test-run dialog; for a workflow on a schedule, "Run now" starts one run as a firing would
 * (`POST /workflows/{id}/schedule/run`). Disabled, it says why there is nothing to run.
 */
export function RunButton({ workflowId, live, onStarted }: RunButtonProps) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const scheduled = live.status === 'loaded' && live.spec.kind === 'schedule';

  const runNow = () => {
    setStarting(true);
    setFailure(null);
    api.runs.runSchedule(workflowId).then(
      (run) => {
        setStarting(false);
        onStarted(run);
      },
      (error: unknown) => {
        setStarting(false);
        setFailure(`The run could not be started: ${describeError(error)}`);
      },
    );
  };

  return (
    <>
      <ExplainedButton
        label={scheduled ? (starting ? 'Starting…' : 'Run now') : 'Run…'}
        title={
          scheduled
            ? 'Start a run of the live version now, as its schedule would (the schedule itself does not change)'
            : 'Start a test run of the live version'
        }
        disabledReason={starting ? 'Starting the run…' : runBlockedReason(live)}
        onClick={scheduled ? runNow : () => setOpen(true)}
      />
      {failure !== null && (
        <span role="alert" className="field-error" data-testid="run-now-error">
          {failure}
        </span>
      )}
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
