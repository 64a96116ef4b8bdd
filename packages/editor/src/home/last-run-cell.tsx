import { RunStatusBadge } from '../ui/run-status-badge.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { useLastRun } from './use-last-run.ts';

/** The last run's status and when it started, in a row of the workflows list. */
export function LastRunCell({ workflowId }: { workflowId: string }) {
  const lastRun = useLastRun(workflowId);
  if (lastRun.status === 'loading') return <span className="muted">…</span>;
  if (lastRun.status === 'failed') return <span className="muted">unknown</span>;
  if (lastRun.run === null) return <span className="muted">No runs yet</span>;
  const { status, 'created-at': startedAt } = lastRun.run.attributes;
  return (
    <span className="last-run" title={`Started ${formatDateTime(startedAt)}`}>
      <RunStatusBadge status={status} /> <span className="muted">{formatDateTime(startedAt)}</span>
    </span>
  );
}
