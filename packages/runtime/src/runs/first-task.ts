import type { Client } from '@temporalio/client';

type HistoryEvent = NonNullable<
  NonNullable<Awaited<ReturnType<Client['workflowService']['getWorkflowExecutionHistory']>>['history']>['events']
>[number];

/** Whether the event ends a workflow task (however it went) or the run itself. */
const endsTaskOrRun = (event: HistoryEvent) =>
  Boolean(
    event.workflowTaskCompletedEventAttributes ??
    event.workflowTaskFailedEventAttributes ??
    event.workflowTaskTimedOutEventAttributes ??
    event.workflowExecutionCompletedEventAttributes ??
    event.workflowExecutionFailedEventAttributes ??
    event.workflowExecutionCanceledEventAttributes ??
    event.workflowExecutionTerminatedEventAttributes ??
    event.workflowExecutionTimedOutEventAttributes ??
    event.workflowExecutionContinuedAsNewEventAttributes,
  );

/**
 * For a run the api could not start with its first-task update (run-launcher.ts, `launchAnswered`): resolves
 * once the run's first workflow task has ended (or the run has), true, or at `until` (epoch ms), false:
 * by long-polling the run's history, which the Temporal server answers as soon as events are added. A run's first
 * task does everything the run can do at once (its local steps, up to its first wait, timer or slow step), so its
 * record is then what the run has settled on. Any failure to ask (Temporal unreachable) counts as not ended.
 */
export async function firstTaskEnded(client: Client, runId: string, until: number): Promise<boolean> {
  const poll = async () => {
    let nextPageToken: Uint8Array | undefined;
    for (;;) {
      const page = await client.workflowService.getWorkflowExecutionHistory({
        namespace: client.options.namespace,
        execution: { workflowId: runId },
        waitNewEvent: true,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      if ((page.history?.events ?? []).some(endsTaskOrRun)) return true;
      // No token: the history is closed (and held no such event, which cannot happen), or nothing more will come.
      if (!page.nextPageToken?.length) return false;
      nextPageToken = page.nextPageToken;
    }
  };
  return client.withDeadline(until, poll).catch(() => false);
}
