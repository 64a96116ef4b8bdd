import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';

/**
 * When the live version's schedule fires next (`GET /workflows/{id}/schedule`), or null: not published, not on a
 * schedule, or Temporal not answering (the bar then says nothing rather than something wrong). The schedule is asked
 * for only when the live version's trigger is one (its 404 would otherwise show as an error in the console).
 */
export function useNextRun(workflowId: string, liveVersionId: string | null): Date | null {
  const api = useApi();
  const [next, setNext] = useState<Date | null>(null);
  useEffect(() => {
    setNext(null);
    if (liveVersionId === null) return;
    const controller = new AbortController();
    const scheduled = async () => {
      const { plan } = (await api.workflows.version(liveVersionId, controller.signal)).attributes;
      if (plan.steps[plan.trigger]?.kind !== 'trigger.schedule') return null;
      return api.workflows.schedule(workflowId, controller.signal);
    };
    scheduled().then(
      (schedule) => {
        const first = schedule?.attributes['next-run-times'][0];
        setNext(first === undefined ? null : new Date(first));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [api, workflowId, liveVersionId]);
  return next;
}
