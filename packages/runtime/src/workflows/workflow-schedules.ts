import { durationSeconds, type Plan, type ScheduleSpec } from '@casework/shared';
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  ServiceError,
  isGrpcServiceError,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import { DependencyUnavailableError, UnprocessableError } from '../platform/errors.ts';
import { scheduledRun, type ScheduledRunInput } from '../temporal/workflows/scheduled-run.workflow.ts';
import { workflowIdKey } from '../temporal/workflows/search-attributes.ts';

/** The Temporal Schedule of a workflow whose live version has a `trigger.schedule`: one per workflow, never two. */
export const scheduleIdOf = (workflowId: string) => `workflow-schedule:${workflowId}`;

/** The schedule a plan asks for, if its trigger is a `trigger.schedule`. */
export function scheduleSpecOf(plan: Plan): ScheduleSpec | null {
  const trigger = plan.steps[plan.trigger];
  return trigger?.kind === 'trigger.schedule' ? trigger.params.schedule : null;
}

/** Missed firings older than this (Temporal or every worker down) are dropped instead of caught up one by one. */
const CATCHUP_WINDOW = '1 minute';
/** gRPC's status code for a request the server refuses as malformed. */
const GRPC_INVALID_ARGUMENT = 3;

const temporalSpec = (spec: ScheduleSpec): ScheduleOptions['spec'] =>
  spec.type === 'cron'
    ? { cronExpressions: [spec.expression], timezone: spec['time-zone'] }
    : { intervals: [{ every: durationSeconds(spec.every) * 1000 }] };

function unavailable(error: unknown): DependencyUnavailableError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DependencyUnavailableError(
    `The workflow's schedule could not be updated; try again (Temporal: ${reason}).`,
  );
}

/**
 * Creates, updates and deletes the Temporal Schedules of workflows (visible in Temporal UI's Schedules). Each
 * firing starts the `scheduledRun` workflow, which dispatches one Casework run of the live version
 * (packages/runtime/src/runs/scheduled-runs.ts); overlap SKIP: a firing while the previous one is still dispatching
 * is skipped. Every call is idempotent: the id is derived from the workflow id, so a retry finds the same schedule.
 */
export function createWorkflowSchedules(temporal: { client: Client; taskQueue: string }) {
  const schedules = temporal.client.schedule;

  function options(workflowId: string, spec: ScheduleSpec): ScheduleOptions {
    const scheduleId = scheduleIdOf(workflowId);
    const input: ScheduledRunInput = { workflowId, scheduleId };
    return {
      scheduleId,
      spec: temporalSpec(spec),
      action: {
        type: 'startWorkflow',
        workflowType: scheduledRun,
        workflowId: `scheduled-run:${workflowId}`,
        taskQueue: temporal.taskQueue,
        args: [input],
        typedSearchAttributes: [{ key: workflowIdKey, value: workflowId }],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: CATCHUP_WINDOW },
      memo: { caseworkWorkflowId: workflowId },
    };
  }

  /** Temporal refused the spec itself (its cron parser is stricter than ours somewhere): the graph's fault. */
  function refusedSpec(error: unknown): UnprocessableError | null {
    const cause = error instanceof ServiceError ? error.cause : error;
    if (!isGrpcServiceError(cause) || cause.code !== GRPC_INVALID_ARGUMENT) return null;
    return new UnprocessableError(`Temporal refused the schedule: ${cause.details}`, '/data/attributes/graph');
  }

  return {
    /** Creates the schedule, or brings an existing one to `spec`. */
    async upsert(workflowId: string, spec: ScheduleSpec): Promise<void> {
      const wanted = options(workflowId, spec);
      try {
        try {
          await schedules.create(wanted);
        } catch (error) {
          if (!(error instanceof ScheduleAlreadyRunning)) throw error;
          await schedules.getHandle(wanted.scheduleId).update((previous) => ({
            ...previous,
            spec: wanted.spec,
            action: wanted.action,
            policies: { ...previous.policies, ...wanted.policies },
            state: { ...previous.state, paused: false },
          }));
        }
      } catch (error) {
        throw refusedSpec(error) ?? unavailable(error);
      }
    },

    /** Deletes the workflow's schedule; nothing to do when it has none. */
    async remove(workflowId: string): Promise<void> {
      try {
        await schedules.getHandle(scheduleIdOf(workflowId)).delete();
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) return;
        throw unavailable(error);
      }
    },

    /** When the workflow's schedule fires next (up to `count` times), or null when it has no schedule. */
    async nextFirings(workflowId: string, count = 3): Promise<Date[] | null> {
      try {
        const described = await schedules.getHandle(scheduleIdOf(workflowId)).describe();
        return described.info.nextActionTimes.slice(0, count);
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) return null;
        throw unavailable(error);
      }
    },
  };
}

export type WorkflowSchedules = ReturnType<typeof createWorkflowSchedules>;
