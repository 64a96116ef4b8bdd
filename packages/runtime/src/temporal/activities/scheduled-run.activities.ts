import { log } from '@temporalio/activity';
import type { ScheduledFiring, ScheduledRuns } from '../../runs/scheduled-runs.ts';

/** The activity behind each firing of a workflow's schedule (temporal/workflows/scheduled-run.workflow.ts). */
export function createScheduledRunActivities(deps: { scheduledRuns: ScheduledRuns }) {
  return {
    async startScheduledRun(firing: ScheduledFiring): Promise<string | null> {
      const runId = await deps.scheduledRuns.start(firing);
      log.info(runId ? 'scheduled run started' : 'schedule no longer in use: no run', { ...firing, runId });
      return runId;
    },
  };
}

export type ScheduledRunActivities = ReturnType<typeof createScheduledRunActivities>;
