import type { RunStatus } from '@casework/shared';

export const runStatusLabels: Record<RunStatus, string> = {
  in_progress: 'In progress',
  waiting: 'Waiting',
  completed: 'Completed',
  errored: 'Errored',
  canceled: 'Canceled',
};

/** A run's status as a coloured pill. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className="run-status-badge" data-status={status} data-testid="run-status">
      {runStatusLabels[status]}
    </span>
  );
}
