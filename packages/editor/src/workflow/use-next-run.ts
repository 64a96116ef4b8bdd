import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';

/**
 * When the live version's schedule fires next (`GET /workflows/{id}/schedule`), or null: not on a schedule, or
 * Temporal not answering (the bar then says nothing rather than something wrong). `scheduled` comes from the live
 * trigger the bar already loaded (run/use-live-trigger.ts): a workflow without a schedule is not asked, since its 404
 * would show as an error in the console. A publish reloads the live trigger, so it asks again.
 */
export function useNextRun(workflowId: string, scheduled: boolean): Date | null {
  const api = useApi();
  const [next, setNext] = useState<Date | null>(null);
  useEffect(() => {
    setNext(null);
    if (!scheduled) return;
    const controller = new AbortController();
    api.workflows.schedule(workflowId, controller.signal).then(
      (schedule) => {
        const first = schedule.attributes['next-run-times'][0];
        setNext(first === undefined ? null : new Date(first));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [api, workflowId, scheduled]);
  return next;
}
