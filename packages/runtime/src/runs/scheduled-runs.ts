import type { ScheduleOutput } from '@casework/shared';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { scheduleIdOf, scheduleSpecOf } from '../workflows/workflow-schedules.ts';
import { runnableVersion } from './run-domain.ts';
import type { WorkflowRunService } from './workflow-run-service.ts';

export interface ScheduledFiring {
  workflowId: string;
  scheduleId: string;
  /** The firing's scheduled time (ISO): with the schedule id, it names the run. */
  scheduledAt: string;
}

/**
 * What one firing of a workflow's schedule does (the `startScheduledRun` activity): start one run of the live
 * version through the run service, as the HTTP trigger does, keyed by (schedule, scheduled time) so a retried or
 * repeated firing finds the same run. A firing of a workflow that no longer runs on this schedule (archived, a newer
 * version without it, a publish whose clean-up did not reach Temporal) starts nothing and reconciles the schedule.
 */
export function createScheduledRuns(deps: {
  workflows: Pick<WorkflowService, 'liveVersion' | 'syncSchedule'>;
  runService: Pick<WorkflowRunService, 'start'>;
}) {
  async function scheduledVersion(workflowId: string) {
    try {
      const { version } = await deps.workflows.liveVersion(workflowId);
      return scheduleSpecOf(version.plan) ? version : null;
    } catch {
      return null; // archived or never published: nothing to run
    }
  }

  return {
    async start(firing: ScheduledFiring): Promise<string | null> {
      const version = await scheduledVersion(firing.workflowId);
      if (!version || firing.scheduleId !== scheduleIdOf(firing.workflowId)) {
        await deps.workflows.syncSchedule(firing.workflowId);
        return null;
      }
      const input: ScheduleOutput = { scheduledAt: firing.scheduledAt, scheduleId: firing.scheduleId };
      const run = await deps.runService.start({
        version: runnableVersion(version),
        input,
        trigger: { kind: 'schedule', ...input },
        creator: null,
        dedupeKey: `schedule:${firing.scheduleId}:${firing.scheduledAt}`,
      });
      return run._id;
    },
  };
}

export type ScheduledRuns = ReturnType<typeof createScheduledRuns>;
