import { isFinalRunStatus, pendingSteps, type Plan } from '@casework/shared';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Filter } from 'mongodb';
import type { Actor } from '../cases/case-collections.ts';
import type { Claims } from '../platform/db/claims.ts';
import type { RunTrigger, WorkflowRunDocument } from './workflow-run-collections.ts';
import type { WorkflowRunRepository } from './workflow-run-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { ConflictError, NotFoundError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { PageQuery } from '../platform/pagination.ts';
import type { RunEvents } from './run-events.ts';
import { firstTaskEnded } from './first-task.ts';
import { runsOnLive } from '../workflows/rollout.ts';
import type { RunRecord } from '../temporal/activities/run.activities.ts';
import { runStateQuery } from '../temporal/workflows/run-plan.workflow.ts';
import { createRunLauncher } from './run-launcher.ts';

/** What a run is started from: a published version (its plan) of a workflow. */
export interface RunnableVersion {
  workflowId: string;
  versionId: string;
  versionNumber: number;
  plan: Plan;
}

export interface StartRun {
  version: RunnableVersion;
  /** During a staged rollout: the previous version, and the share of runs (by run id) `version` gets. */
  rollout?: { previous: RunnableVersion; percent: number } | null;
  /** The trigger's output: the validated payload, or `{ event, case }`. */
  input: unknown;
  /** Checks `input` against the version the run starts on (picked by its id during a rollout), giving the input. */
  inputFor?: (version: RunnableVersion) => unknown;
  trigger: RunTrigger;
  creator: Actor | null;
  /** A key that names this start: the same key always gives the same run (an Idempotency-Key, an event). */
  dedupeKey?: string;
}

const CANCEL_SETTLE_MS = 5_000;
/**
 * After a run's first task has ended, how often its record is read until the worker's write shows, and for how long
 * at most (the write follows the task's end within milliseconds unless its worker died).
 */
const SETTLED_RECORD_POLL_MS = 20;
const SETTLED_RECORD_WAIT_MS = 1_000;
const QUERY_TIMEOUT_MS = 2_000;
/**
 * How long a running run's record is shown without asking its workflow: a workflow task's own timeout, within which
 * a task in flight either ends (and writes the record) or is retried.
 */
const RECORD_TRUSTED_MS = 10_000;

/**
 * A running run's state from its workflow; null when it cannot answer (not started, worker down, too slow). The
 * deadline ends the call itself, retries included, so no query outlives the request that asked.
 */
async function liveState(client: Client, runId: string): Promise<RunRecord | null> {
  return client
    .withDeadline(Date.now() + QUERY_TIMEOUT_MS, () => client.workflow.getHandle(runId).query(runStateQuery))
    .catch(() => null);
}
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a run cannot make progress (its workflow task keeps failing), as the run view shows it. */
export interface RunStuck {
  reason: string;
  'failed-attempts': number;
}

/** A run as `get` shows it: its record or live state, and whether it is stuck. */
export type WorkflowRunView = WorkflowRunDocument & { stuck: RunStuck | null };

/**
 * Whether the run's workflow task keeps failing (a worker bug, a run it cannot replay): Temporal retries such a
 * task for ever and records only its first failure, so the run would look merely slow. Asked only when the
 * workflow did not answer its state query.
 */
async function stuckState(client: Client, runId: string): Promise<RunStuck | null> {
  return client
    .withDeadline(Date.now() + QUERY_TIMEOUT_MS, async () => {
      const handle = client.workflow.getHandle(runId);
      const attempt = (await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0;
      if (attempt < 2) return null;
      const failed = attempt - 1;
      const events = (await handle.fetchHistory()).events ?? [];
      for (const event of [...events].reverse()) {
        const failure = event.workflowTaskFailedEventAttributes?.failure;
        if (event.workflowTaskFailedEventAttributes) {
          return {
            reason: `its workflow task fails: ${failure?.message ?? 'no reason given'}`,
            'failed-attempts': failed,
          };
        }
        if (event.workflowTaskTimedOutEventAttributes) {
          return {
            reason: 'its workflow task timed out (the worker took too long or stopped)',
            'failed-attempts': failed,
          };
        }
      }
      return { reason: 'its workflow task keeps failing', 'failed-attempts': failed };
    })
    .catch(() => null);
}

export function createWorkflowRunService(deps: {
  runs: WorkflowRunRepository;
  claims: Claims;
  temporal: { client: Client; taskQueue: string };
  runEvents: RunEvents;
  clock: Clock;
}) {
  const recordCreated = (run: WorkflowRunDocument, opts: { firstTry?: boolean } = {}) =>
    deps.runEvents.record(
      run._id,
      'workflow-run.created',
      { 'workflow-id': run.workflowId, 'workflow-version-id': run.versionId, 'trigger-kind': run.trigger.kind },
      run.creator,
      opts,
    );

  async function stored(id: string): Promise<WorkflowRunDocument> {
    const run = await deps.runs.findById(id);
    if (!run) throw new NotFoundError(`No workflow run with id ${id}.`);
    return run;
  }

  /**
   * The run as it is now: from its record, which its workflow writes whenever a workflow task ends with a change (so
   * while the run is blocked, the record is its state; docs/architecture.md, "Run bookkeeping"). A running run whose
   * record is older than `RECORD_TRUSTED_MS` is asked (a query), in case the record fell behind: a long chain of
   * local activities, a lost write, a workflow task that keeps failing (then it is shown as stuck).
   */
  async function get(id: string): Promise<WorkflowRunView> {
    const run = await stored(id);
    if (isFinalRunStatus(run.status)) return { ...run, stuck: null };
    if (deps.clock().getTime() - run.updatedAt.getTime() < RECORD_TRUSTED_MS) return { ...run, stuck: null };
    const live = await liveState(deps.temporal.client, id);
    if (!live) return { ...run, stuck: await stuckState(deps.temporal.client, id) };
    if (live.seq < run.seq) return { ...run, stuck: null };
    return {
      ...run,
      stuck: null,
      status: live.status,
      steps: live.steps,
      caseIds: live.caseIds,
      error: live.error,
      temporalRunId: live.temporalRunId,
      updatedAt: new Date(live.at),
      completedAt: live.completedAt ? new Date(live.completedAt) : null,
    };
  }

  /**
   * The run once it has done what it can do at once (`Prefer: wait`): its first workflow task has ended, so it waits,
   * works on a slow step, or has ended; or its record as it is at `until` (epoch ms; no query then: the answer is due).
   * `taskEnded`: the caller already knows (the start's update was answered, run-launcher.ts); else the run's history
   * tells (first-task.ts). The record is written by the task's own steps or, as the task ends, by the worker a moment
   * later (docs/architecture.md, "Run bookkeeping"), hence a short wait for a record the workflow has written
   * (`seq` > 0).
   */
  async function settle(runId: string, until: number, { taskEnded = false } = {}): Promise<WorkflowRunView> {
    const ended = taskEnded || (await firstTaskEnded(deps.temporal.client, runId, until));
    const recordedBy = ended ? Math.min(until, Date.now() + SETTLED_RECORD_WAIT_MS) : 0;
    for (;;) {
      const run = await stored(runId);
      if (run.seq > 0 || Date.now() >= recordedBy) return { ...run, stuck: null };
      await delay(SETTLED_RECORD_POLL_MS);
    }
  }

  /** The run's version: the live one, or during a rollout the one its id's bucket falls on. */
  const versionFor = (runId: string, request: Pick<StartRun, 'version' | 'rollout'>): RunnableVersion =>
    request.rollout && !runsOnLive(runId, request.rollout) ? request.rollout.previous : request.version;

  /** The run's record as it starts (not yet written). */
  function newRecord(runId: string, version: RunnableVersion, request: StartRun): WorkflowRunDocument {
    const now = deps.clock();
    return {
      _id: runId,
      workflowId: version.workflowId,
      versionId: version.versionId,
      versionNumber: version.versionNumber,
      trigger: request.trigger,
      input: request.inputFor ? request.inputFor(version) : request.input,
      status: 'in_progress',
      steps: pendingSteps(Object.keys(version.plan.steps)),
      caseIds: request.trigger.kind === 'event' ? [request.trigger.caseId] : [],
      error: null,
      temporalRunId: null,
      seq: 0,
      creator: request.creator,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
  }

  /**
   * Writes the record of a run that a parent run starts itself (a Temporal child workflow): with its id given, the
   * first call writes it and records `workflow-run.created`, a repeat finds it.
   */
  async function recordChild(runId: string, request: StartRun): Promise<WorkflowRunDocument> {
    const existing = await deps.runs.findById(runId);
    const run = existing ?? newRecord(runId, versionFor(runId, request), request);
    const stored = existing ?? ((await deps.runs.insert(run)) ? run : await deps.runs.findById(runId));
    await recordCreated(stored ?? run); // once per run (run-events.ts), however often this is repeated
    return stored ?? run;
  }

  /**
   * Records the run (once per dedupe key): the record to start (run-launcher.ts), or the run an earlier try already
   * started (it may have died before recording that: an api killed right after the start).
   */
  async function record(
    request: StartRun,
  ): Promise<
    { started: WorkflowRunDocument } | { run: WorkflowRunDocument; version: RunnableVersion; firstTry: boolean }
  > {
    const runId = request.dedupeKey
      ? (await deps.claims.claimOnce(request.dedupeKey, () => newId('workflowRun'))).value
      : newId('workflowRun');
    const version = versionFor(runId, request);
    const run = newRecord(runId, version, request);
    // A record written now means no earlier try got as far as recording the run's creation (run-events.ts).
    const firstTry = await deps.runs.insert(run);
    if (!firstTry) {
      const existing = await get(runId);
      if (existing.temporalRunId !== null || existing.seq > 0) {
        await recordCreated(existing);
        return { started: existing };
      }
    }
    return { run, version, firstTry };
  }

  const { launch, launchAnswered } = createRunLauncher({ ...deps, recordCreated });

  /** Records the run, then starts its workflow (see `record`, and `launch` in run-launcher.ts). */
  async function start(request: StartRun): Promise<WorkflowRunDocument> {
    const recorded = await record(request);
    if ('started' in recorded) return recorded.started;
    return launch(recorded.run, recorded.version, recorded.firstTry);
  }

  /** `start`, answered once the run has done what it can do at once or after `waitMs` (`settle`). */
  async function startSettled(request: StartRun, waitMs: number): Promise<WorkflowRunView> {
    const until = Date.now() + waitMs;
    const recorded = await record(request);
    if ('started' in recorded) return settle(recorded.started._id, until);
    const { run, version, firstTry } = recorded;
    return settle(run._id, until, { taskEnded: await launchAnswered(run, version, firstTry, until) });
  }

  return {
    get,
    start,
    startSettled,
    recordChild,

    list(
      filters: { 'workflow-id'?: string; status?: string; 'case-id'?: string },
      page: PageQuery,
      url: { path: string; search: URLSearchParams },
    ) {
      const filter: Filter<WorkflowRunDocument> = {};
      if (filters['workflow-id']) filter.workflowId = filters['workflow-id'];
      if (filters.status) filter.status = filters.status as WorkflowRunDocument['status'];
      if (filters['case-id']) filter.caseIds = filters['case-id'];
      return deps.runs.list(filter, page, url);
    },

    /** Asks Temporal to cancel the run; resolves the run once it has recorded its cancellation (or after a while). */
    async cancel(id: string): Promise<WorkflowRunDocument> {
      const run = await get(id);
      if (isFinalRunStatus(run.status))
        throw new ConflictError(`Workflow run ${id} has already ended (${run.status}).`);
      try {
        await deps.temporal.client.workflow.getHandle(id).cancel();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw new ConflictError(`Workflow run ${id} is not running.`);
        throw error;
      }
      const until = Date.now() + CANCEL_SETTLE_MS;
      let latest: WorkflowRunDocument = run;
      while (!isFinalRunStatus(latest.status) && Date.now() < until) {
        await delay(100);
        latest = await stored(id);
      }
      return latest;
    },
  };
}

export type WorkflowRunService = ReturnType<typeof createWorkflowRunService>;
