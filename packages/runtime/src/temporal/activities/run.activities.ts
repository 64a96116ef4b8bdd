import type { CaseEventName, PlainCase, RunStatus, StepState } from '@casework/shared';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { RunSnapshot, WorkflowRunRepository } from '../../runs/workflow-run-repository.ts';
import { CaseRedactedError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import { toPlainCase } from '../../cases/case-mapper.ts';
import type { CaseRepository } from '../../cases/case-repository.ts';
import type { CaseWriter } from '../../cases/case-writer.ts';
import type { CaseStepRequest, CaseStepService } from '../../runs/case-step-service.ts';
import type { RunEvents } from '../../runs/run-events.ts';
import {
  isPermanentChildError,
  type ChildRun,
  type ChildRunRequest,
  type ChildRunService,
} from '../../runs/child-run-service.ts';

/** A step's error as the run view shows it, and whether retrying could help. */
export interface StepFailureDetails {
  attempt: number;
}

/** What the interpreter records of its run after each change (dates as ISO strings). */
export interface RunRecord {
  runId: string;
  workflowId: string;
  seq: number;
  status: RunStatus;
  steps: StepState[];
  caseIds: string[];
  error: string | null;
  temporalRunId: string;
  at: string;
  completedAt: string | null;
}

export interface CaseWaitRequest {
  runId: string;
  nodeId: string;
  caseId: string;
  events: CaseEventName[];
  /** Events recorded from this instant on count (ISO). */
  since: string;
}

export type CaseWaitMatch = { event: { id: string; name: string; at: string }; case: PlainCase } | null;

export interface RunActivityDeps {
  steps: CaseStepService;
  runs: WorkflowRunRepository;
  cases: CaseRepository;
  /** Registers waits, clearing a published outbox of the case on the way (cases/case-writer.ts). */
  caseWaits: Pick<CaseWriter, 'addWait'>;
  runEvents: RunEvents;
  childRuns: ChildRunService;
}

const COMMIT_MARGIN_MS = 2_000;

/** Errors a retry cannot fix: bad input for the case (422), a missing record (404), a redacted case. */
const isPermanent = (error: unknown) =>
  error instanceof UnprocessableError || error instanceof NotFoundError || error instanceof CaseRedactedError;

function describe(error: unknown): string {
  if (error instanceof UnprocessableError && error.issues.length > 1) {
    return error.issues.map((issue) => `${issue.pointer ? `${issue.pointer}: ` : ''}${issue.message}`).join('; ');
  }
  const pointer = error instanceof UnprocessableError && error.pointer ? `${error.pointer}: ` : '';
  return pointer + (error instanceof Error ? error.message : String(error));
}

/** The id of the event a wait step's record says it matched (a lost try's decision), if it completed with one. */
function storedEventId(step: StepState | undefined): string | null {
  if (step?.status !== 'completed') return null;
  const output: unknown = step.output;
  if (typeof output !== 'object' || output === null || !('event' in output)) return null;
  const event: unknown = output.event;
  return typeof event === 'object' && event !== null && 'id' in event && typeof event.id === 'string' ? event.id : null;
}

/** A record from the run's workflow as the run's document stores it. */
export const snapshotOf = (record: RunRecord): RunSnapshot => ({
  seq: record.seq,
  status: record.status,
  steps: record.steps,
  caseIds: record.caseIds,
  error: record.error,
  temporalRunId: record.temporalRunId,
  updatedAt: new Date(record.at),
  completedAt: record.completedAt ? new Date(record.completedAt) : null,
});

/** The interpreter's activities: case steps through the case services, waits on case events, the run record. */
export function createRunActivities(deps: RunActivityDeps) {
  return {
    async runCaseStep(request: CaseStepRequest): Promise<{ case: PlainCase; attempt: number }> {
      const { attempt, currentAttemptScheduledTimestampMs, startToCloseTimeoutMs } = Context.current().info;
      // An attempt that outlived its timeout has been given up on (a retry, or the run's failure, follows): it must
      // not change the case any more, or a step the run reports as failed would still take effect.
      const deadline = currentAttemptScheduledTimestampMs + startToCloseTimeoutMs - COMMIT_MARGIN_MS;
      const beforeCommit = () => {
        if (Date.now() > deadline) throw new Error('the attempt ran past its timeout; it changed nothing');
      };
      try {
        return { case: await deps.steps.run(request, beforeCommit), attempt };
      } catch (error) {
        const details: StepFailureDetails = { attempt };
        throw ApplicationFailure.create({
          message: describe(error),
          type: error instanceof Error ? error.name : 'Error',
          nonRetryable: isPermanent(error),
          details: [details],
          cause: error instanceof Error ? error : undefined,
        });
      }
    },

    /**
     * Registers the run as waiting on the case, then looks among the case's recent events for an awaited one recorded
     * since the wait began. Both happen on the case document, so of a registration and a write that race, either the
     * write sees the wait (and its publisher signals the run) or the registration sees the write's event here.
     *
     * A workflow task is lost whole when its worker dies (nothing of it is in the history) and runs again later, with
     * a later clock, while the first try may have changed the case, registered the wait, or both, and the case been
     * resolved meanwhile. So events count from the earliest of: the wait's start; the first try's start of it, kept
     * by the run record (a retry writes the same `seq`, which never overwrites it); and the run's own last change to
     * the case before the wait began (what it acted on, it waits on; a lost try may have gone on to change the case
     * again after the wait). The run's own events never count. Plans have no cycles: a step starts once per run.
     *
     * When a lost try already found its event (the run record has the step completed), that decision stands: the
     * try may have acted on it in later steps before it was lost, and the retry must take the same branch.
     */
    async openCaseWait(request: CaseWaitRequest): Promise<CaseWaitMatch> {
      const { runId, nodeId, events } = request;
      const kase = await deps.caseWaits.addWait(request.caseId, { runId, nodeId, events });
      if (!kase) throw ApplicationFailure.nonRetryable(`case ${request.caseId} no longer exists`, 'NotFoundError');
      const run = await deps.runs.findById(runId);
      const stored = run?.steps.find((step) => step['node-id'] === nodeId);
      const decided = storedEventId(stored);
      const awaited = (candidate: (typeof kase.recentEvents)[number]) =>
        candidate.by !== runId && (events as readonly string[]).includes(candidate.name);
      const waitStart = Math.min(
        new Date(request.since).getTime(),
        stored?.['started-at'] ? new Date(stored['started-at']).getTime() : Infinity,
      );
      const ownLast = kase.recentEvents
        .filter((candidate) => candidate.by === runId && candidate.at.getTime() <= waitStart)
        .at(-1)
        ?.at.getTime();
      const since = Math.min(waitStart, ownLast ?? Infinity);
      const event =
        (decided && kase.recentEvents.find((candidate) => candidate.id === decided && awaited(candidate))) ||
        kase.recentEvents.find((candidate) => candidate.at.getTime() >= since && awaited(candidate));
      if (!event) return null;
      return { event: { id: event.id, name: event.name, at: event.at.toISOString() }, case: toPlainCase(kase) };
    },

    /** Records the child run a `flow.run-workflow` step is about to start; the parent then starts its workflow. */
    async prepareChildRun(request: ChildRunRequest): Promise<ChildRun> {
      try {
        return await deps.childRuns.prepare(request);
      } catch (error) {
        throw ApplicationFailure.create({
          message: describe(error),
          type: error instanceof Error ? error.name : 'Error',
          nonRetryable: isPermanentChildError(error),
          details: [{ attempt: Context.current().info.attempt } satisfies StepFailureDetails],
        });
      }
    },

    async closeCaseWait(request: { runId: string; nodeId: string; caseId: string }): Promise<void> {
      await deps.cases.removeWait(request.caseId, request);
    },

    async readCase(caseId: string): Promise<PlainCase> {
      const kase = await deps.cases.findById(caseId);
      if (!kase) throw ApplicationFailure.nonRetryable(`case ${caseId} no longer exists`, 'NotFoundError');
      return toPlainCase(kase);
    },

    /** Stores the run's latest state; on its final one, records `workflow-run.<status>`. */
    async recordRun(record: RunRecord): Promise<void> {
      await deps.runs.applySnapshot(record.runId, snapshotOf(record));
      if (record.status === 'completed' || record.status === 'errored' || record.status === 'canceled') {
        const payload = { 'workflow-id': record.workflowId, 'case-ids': record.caseIds, error: record.error };
        await deps.runEvents.record(record.runId, `workflow-run.${record.status}`, payload);
      }
    },
  };
}

export type RunActivities = ReturnType<typeof createRunActivities>;
