import type { ScheduleOutput } from '@casework/shared';
import type { Clock } from '../platform/clock.ts';
import { ConflictError } from '../platform/errors.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { scheduleIdOf, scheduleSpecOf } from '../workflows/workflow-schedules.ts';
import { runnableVersion } from './run-domain.ts';
import type { WorkflowRunDocument } from './workflow-run-collections.ts';
import type { StartRun, WorkflowRunService } from './workflow-run-service.ts';

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
  clock: Clock;
}) {
  async function scheduledVersion(workflowId: string) {
    try {
      const { version } = await deps.workflows.liveVersion(workflowId);
      return scheduleSpecOf(version.plan) ? version : null;
    } catch {
      return null; // archived or never published: nothing to run
    }
  }

  /** One run of `version` as a firing at `scheduledAt` would start it. */
  function startFiring(
    version: Parameters<typeof runnableVersion>[0],
    firing: ScheduledFiring,
    creator: StartRun['creator'],
    dedupeKey: string | undefined,
  ): Promise<WorkflowRunDocument> {
    const input: ScheduleOutput = { scheduledAt: firing.scheduledAt, scheduleId: firing.scheduleId };
    return deps.runService.start({
      version: runnableVersion(version),
      input,
      trigger: { kind: 'schedule', ...input },
      creator,
      ...(dedupeKey === undefined ? {} : { dedupeKey }),
    });
  }

  return {
    async start(firing: ScheduledFiring): Promise<string | null> {
      const version = await scheduledVersion(firing.workflowId);
      if (!version || firing.scheduleId !== scheduleIdOf(firing.workflowId)) {
        await deps.workflows.syncSchedule(firing.workflowId);
        return null;
      }
      const run = await startFiring(version, firing, null, `schedule:${firing.scheduleId}:${firing.scheduledAt}`);
      return run._id;
    },

    /**
     * "Run now" (`POST /workflows/{id}/schedule/run`): a firing at this moment, outside the schedule, which it leaves
     * as it is. 404 for an unknown or unpublished workflow, 409 for one whose live version has no schedule.
     */
    async runNow(
      workflowId: string,
      creator: StartRun['creator'],
      dedupeKey: string | undefined,
    ): Promise<WorkflowRunDocument> {
      const { version } = await deps.workflows.liveVersion(workflowId);
      if (!scheduleSpecOf(version.plan)) {
        throw new ConflictError(
          'This workflow does not run on a schedule (its live version has no trigger.schedule); trigger it instead.',
        );
      }
      const firing = { workflowId, scheduleId: scheduleIdOf(workflowId), scheduledAt: deps.clock().toISOString() };
      return startFiring(version, firing, creator, dedupeKey);
    },
  };
}

export type ScheduledRuns = ReturnType<typeof createScheduledRuns>;
