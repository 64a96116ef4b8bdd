import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';

/**
 * When the live version's schedule fires next (`GET /workflows/{id}/schedule`), or null: not published, not on a
 * schedule (404), or Temporal not answering (the bar then says nothing rather than something wrong).
 */
export function useNextRun(workflowId: string, liveVersionId: string | null): Date | null {
  const api = useApi();
  const [next, setNext] = useState<Date | null>(null);
  useEffect(() => {
    setNext(null);
    if (liveVersionId === null) return;
    const controller = new AbortController();
    api.workflows.schedule(workflowId, controller.signal).then(
      (schedule) => {
        const [first] = schedule.attributes['next-run-times'];
        setNext(first === undefined ? null : new Date(first));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [api, workflowId, liveVersionId]);
  return next;
}
