import type { WorkflowRunResource } from '@casework/shared';
import { useCallback } from 'react';
import { routeHref } from '../app/route.ts';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { RunStatusBadge } from '../ui/run-status-badge.tsx';
import { useLoaded } from './use-loaded.ts';

/** More runs than this touched the case: the newest are shown. */
const MAX_RUNS = 10;

/**
 * The workflow runs that touched the case, newest first: each links to its overlay on the workflow's canvas and to
 * its history in Temporal UI. `version` changes when the case does, so a run that moved on is read again.
 */
export function CaseRuns({ runIds, version }: { runIds: readonly string[]; version: string }) {
  const api = useApi();
  const ids = runIds.join(',');
  const runs = useLoaded(
    useCallback(
      (signal: AbortSignal) => {
        void version; // read again whenever the case changes
        const newest = [...new Set(ids.split(',').filter(Boolean))].reverse().slice(0, MAX_RUNS);
        return Promise.all(newest.map((id) => api.runs.get(id, signal)));
      },
      [api, ids, version],
    ),
    ids,
  );
  return (
    <section className="case-panel" aria-labelledby="case-runs-heading">
      <h3 id="case-runs-heading">Workflow runs</h3>
      {runIds.length === 0 && <p className="muted">No workflow run has touched this case.</p>}
      {runIds.length > 0 && runs.state.status === 'loading' && <p className="muted">Loading the runs…</p>}
      {runs.state.status === 'failed' && <ErrorMessage>Could not load the runs. {runs.state.error}</ErrorMessage>}
      {runs.state.status === 'loaded' && runs.state.value.length > 0 && (
        <ul className="case-runs" data-testid="case-runs">
          {runs.state.value.map((run: WorkflowRunResource) => (
            <li key={run.id} data-testid="case-run" data-run-id={run.id}>
              <RunStatusBadge status={run.attributes.status} />{' '}
              <a href={routeHref({ page: 'workflow', workflowId: run.attributes['workflow-id'], runId: run.id })}>
                Show on the canvas
              </a>{' '}
              ·{' '}
              <a href={run.attributes['temporal-ui-url']} target="_blank" rel="noreferrer">
                Temporal UI ↗
              </a>
              <span className="muted">
                {' '}
                <code>{run.id}</code> v{run.attributes['workflow-version-number']}, started{' '}
                {formatDateTime(run.attributes['created-at'])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
