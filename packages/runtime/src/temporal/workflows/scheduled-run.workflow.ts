import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ScheduledRunActivities } from '../activities/scheduled-run.activities.ts';

/** What a workflow's Temporal Schedule starts at each firing (packages/runtime/src/workflows/workflow-schedules.ts). */
export interface ScheduledRunInput {
  workflowId: string;
  scheduleId: string;
}

/**
 * Set by Temporal on every workflow a schedule starts: the firing's scheduled (nominal) time. Written out rather than
 * made with `defineSearchAttributeKey`: with that value import of `@temporalio/common` in the workflows bundle, every
 * run got slower (run-lifecycle.test.ts's 100 concurrent runs timed out in 3 tries of 3; without it they pass).
 */
const scheduledStartTimeKey = { name: 'TemporalScheduledStartTime', type: 'DATETIME' } as const;

const { startScheduledRun } = proxyActivities<ScheduledRunActivities>({
  startToCloseTimeout: '30 seconds',
  // A firing that cannot dispatch for this long (store down) gives up; overlap SKIP drops firings meanwhile.
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The scheduled time of this firing: the search attribute, else the `-<RFC 3339 time>` Temporal appends to the id. */
function scheduledAt(): string {
  const info = workflowInfo();
  const fromAttribute = info.typedSearchAttributes.get(scheduledStartTimeKey);
  if (fromAttribute) return fromAttribute.toISOString();
  const suffix = /-(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))$/.exec(info.workflowId)?.[1];
  return new Date(suffix ?? info.startTime).toISOString();
}

/**
 * One firing of a workflow's schedule: dispatches one Casework run of its live version through the run service
 * (the same path as the HTTP trigger), keyed by schedule and scheduled time, so a retried firing never starts a
 * second run. Returns the run id, or null when the workflow no longer runs on this schedule.
 */
export async function scheduledRun(input: ScheduledRunInput): Promise<string | null> {
  return startScheduledRun({ ...input, scheduledAt: scheduledAt() });
}
