import { durationBetween, formatDateTime, formatDuration } from '../ui/format-time.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { RunStatusBadge } from '../ui/run-status-badge.tsx';
import { useRunList } from './use-run-list.ts';
import { useRunOverlay } from './use-run-overlay.ts';

/**
 * The workflow's recent runs; choosing one overlays it on the canvas (and follows it if it is still going). The overlay
 * is cleared from its banner above the canvas (run-banner.tsx).
 */
export function RunsPanel({ workflowId, onClose }: { workflowId: string; onClose: () => void }) {
  const overlaid = useRunOverlay((state) => state.run);
  const show = useRunOverlay((state) => state.show);
  const { list, refresh, loadMore } = useRunList(
    workflowId,
    `${overlaid?.id ?? ''}:${overlaid?.attributes.status ?? ''}`,
  );

  return (
    <section className="side-panel" aria-label="Runs" data-testid="runs-panel">
      <header className="side-panel-header">
        <h2>Runs</h2>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
        <button type="button" className="button-quiet" onClick={onClose} aria-label="Close runs">
          ×
        </button>
      </header>
      {list.status === 'loading' && <p className="muted side-panel-note">Loading runs…</p>}
      {list.status === 'failed' && <ErrorMessage>{list.error}</ErrorMessage>}
      {list.status === 'loaded' && list.runs.length === 0 && (
        <p className="muted side-panel-note">No runs yet. Publish, then start one with “Run…”.</p>
      )}
      {list.status === 'loaded' && list.runs.length > 0 && (
        <ul className="side-panel-list">
          {list.runs.map((run) => {
            const { status, 'created-at': startedAt, 'completed-at': endedAt } = run.attributes;
            const took = durationBetween(startedAt, endedAt);
            return (
              <li key={run.id}>
                <button
                  type="button"
                  className="side-panel-item"
                  aria-current={overlaid?.id === run.id || undefined}
                  onClick={() => show(run)}
                  title="Show this run on the canvas"
                >
                  <span className="side-panel-item-title">
                    <RunStatusBadge status={status} /> <span>v{run.attributes['workflow-version-number']}</span>
                  </span>
                  <span className="muted">
                    {formatDateTime(startedAt)} · {took === null ? 'still going' : formatDuration(took)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {list.status === 'loaded' && list.next !== null && (
        <button type="button" className="side-panel-wide-button" onClick={() => void loadMore()}>
          Show older runs
        </button>
      )}
    </section>
  );
}
