import { durationBetween, formatDateTime, formatDuration } from '../ui/format-time.ts';
import { RunStatusBadge } from '../ui/run-status-badge.tsx';
import { useRunOverlay } from './use-run-overlay.ts';

/** Above the canvas while a run is overlaid: its status, timing, the Temporal UI link, and "clear". */
export function RunBanner() {
  const run = useRunOverlay((state) => state.run);
  const following = useRunOverlay((state) => state.following);
  const error = useRunOverlay((state) => state.error);
  const clear = useRunOverlay((state) => state.clear);
  if (run === null) return null;
  const { attributes } = run;
  const took = durationBetween(attributes['created-at'], attributes['completed-at']);
  return (
    <div className="run-banner ui" role="region" aria-label="Run overlay" data-testid="run-banner">
      <RunStatusBadge status={attributes.status} />
      <span>
        Run <code>{run.id}</code> of v{attributes['workflow-version-number']}, started{' '}
        {formatDateTime(attributes['created-at'])}
        {took !== null && ` · took ${formatDuration(took)}`}
      </span>
      {following && <span className="run-banner-live">following live…</span>}
      {attributes.error !== null && <span className="run-banner-error">{attributes.error}</span>}
      {attributes.stuck && (
        <span className="run-banner-error" data-testid="run-stuck">
          Stuck: {attributes.stuck.reason} ({attributes.stuck['failed-attempts']} failed attempts; Temporal keeps
          retrying — fix the worker or cancel the run)
        </span>
      )}
      {error !== null && <span className="run-banner-error">{error}</span>}
      <a href={attributes['temporal-ui-url']} target="_blank" rel="noreferrer" className="run-banner-link">
        Open in Temporal UI ↗
      </a>
      <button type="button" onClick={clear}>
        Clear overlay
      </button>
    </div>
  );
}
