import { useEffect } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';
import { useRunOverlay, useRunOverlayStore } from './use-run-overlay.ts';

export const FOLLOW_INTERVAL_MS = 1_000;

/** Polls the overlaid run (`GET /workflow-runs/{id}`) about once a second until it ends or is cleared. */
export function useFollowRun(intervalMs = FOLLOW_INTERVAL_MS): void {
  const api = useApi();
  const store = useRunOverlayStore();
  const runId = useRunOverlay((state) => (state.following ? (state.run?.id ?? null) : null));

  useEffect(() => {
    if (runId === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stillFollowing = () => {
      const state = store.getState();
      return !controller.signal.aborted && state.following && state.run?.id === runId;
    };
    const poll = async () => {
      try {
        const run = await api.runs.get(runId, controller.signal);
        if (store.getState().run?.id === runId) store.getState().show(run);
      } catch (error) {
        if (isAbort(error)) return;
        store.getState().setError(`The run could not be fetched: ${describeError(error)}`);
      }
      if (stillFollowing()) timer = setTimeout(() => void poll(), intervalMs);
    };
    timer = setTimeout(() => void poll(), intervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, store, runId, intervalMs]);
}
