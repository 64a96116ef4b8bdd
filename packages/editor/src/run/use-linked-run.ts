import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';
import type { RunOverlayStore } from './run-overlay-store.ts';

/**
 * `#/workflows/<id>/runs/<run id>` (the case page links runs so): overlays that run on the canvas once it is read,
 * and the overlay follows it from there as it does any run. Resolves the failure to show, if reading it failed.
 */
export function useLinkedRun(store: RunOverlayStore, workflowId: string, runId: string | undefined): string | null {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (runId === undefined) return;
    const controller = new AbortController();
    setError(null);
    api.runs.get(runId, controller.signal).then(
      (run) => {
        if (run.attributes['workflow-id'] === workflowId) store.getState().show(run);
        else setError(`Run ${runId} is a run of another workflow (${run.attributes['workflow-id']}).`);
      },
      (failure: unknown) => {
        if (!isAbort(failure)) setError(`Run ${runId} could not be shown: ${describeError(failure)}`);
      },
    );
    return () => controller.abort();
  }, [api, store, workflowId, runId]);
  return error;
}
