import type { CaseEventDelivery, PlanStep, RunInput } from '@casework/shared';
import { evaluateCondition, evaluateConditionNow, evaluateValue, evaluateValueNow } from '@casework/shared/workflow';
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  ContinueAsNew,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  type RetryPolicy,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RunActivities, RunRecord, StepFailureDetails } from '../activities/run.activities.ts';
import { caseIdOf, conditionSource, durationMs, nextOf, operationParams, retryPolicy } from './run-steps.ts';
import { createRunTracker, type RunTracker } from './run-tracker.ts';
import { caseIdsKey } from './search-attributes.ts';

// Persisted names (in histories and in the api's calls): never rename one.
export const caseEventSignal = defineSignal<[CaseEventDelivery]>('runPlan.caseEvent');
export const runStateQuery = defineQuery<RunRecord>('runPlan.state');

export interface RunOutcome {
  status: 'completed';
  caseIds: string[];
}

// A plan is acyclic and holds at most 500 steps, so every step runs at most once; this only guards a bug.
const MAX_STEPS_PER_RUN = 1_000;

const { recordRun } = proxyLocalActivities<RunActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
const caseWaitOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;

/**
 * The activities a run calls, as local activities (added after runs were in flight, behind `patched('local-steps')`):
 * a case step or wait registration is a few store round trips, so running it inside the workflow task saves the
 * Temporal server an activity task and a workflow task per step — the whole chain up to a wait is one workflow task.
 * Histories from before replay with regular activities.
 */
interface StepActivities {
  runCaseStep: (options: { retry: RetryPolicy; summary: string }) => RunActivities['runCaseStep'];
  waits: Pick<RunActivities, 'openCaseWait' | 'closeCaseWait' | 'readCase'>;
}

function stepActivities(local: boolean): StepActivities {
  const proxy = local ? proxyLocalActivities : proxyActivities;
  return {
    runCaseStep: ({ retry, summary }) =>
      proxy<RunActivities>({ startToCloseTimeout: '1 minute', retry, summary }).runCaseStep,
    waits: proxy<RunActivities>(caseWaitOptions),
  };
}

/** A step failed and the run stops there (its `continue-on-error` is off, or it is not an action). */
class StepFailed extends Error {
  constructor(
    readonly nodeId: string,
    message: string,
  ) {
    super(`step ${nodeId}: ${message}`);
  }
}

/** The step's error message and how many attempts it took (all of them when its retries ran out). */
function failureOf(error: unknown, maxAttempts = 1): { message: string; attempts: number } {
  if (error instanceof ActivityFailure && error.cause) {
    const details = (error.cause as ApplicationFailure).details?.[0] as StepFailureDetails | undefined;
    const exhausted = error.retryState === 'MAXIMUM_ATTEMPTS_REACHED';
    return { message: error.cause.message, attempts: exhausted ? maxAttempts : (details?.attempt ?? 1) };
  }
  return { message: error instanceof Error ? error.message : String(error), attempts: 1 };
}

/**
 * The interpreter: runs any compiled plan (docs/architecture.md, "Workflows") from its trigger to an end. Deterministic — expressions
 * are evaluated here (JSONata is pure), side effects are activities, waits are durable timers and signals.
 */
export async function runPlan(input: RunInput): Promise<RunOutcome> {
  const { plan, runId } = input;
  const nowIso = () => new Date(Date.now()).toISOString();
  const run = createRunTracker(input, nowIso);
  const inbox: CaseEventDelivery[] = [];
  setHandler(caseEventSignal, (delivery) => {
    if (!inbox.some((seen) => seen.event.id === delivery.event.id)) inbox.push(delivery);
  });
  setHandler(runStateQuery, () => run.view(runId, workflowInfo().runId));
  const record = () => recordRun(run.record(runId, workflowInfo().runId));
  // Added after runs were in flight: the run record is written at milestones only (entering and leaving a wait, the
  // end), not after every step; the api reads a running run's steps through `runStateQuery`. Histories from before
  // replay with a record after each step.
  const milestonesOnly = patched('record-milestones-only');
  const activities = stepActivities(patched('local-steps'));
  const checkpoint = async (after?: PlanStep) => {
    if (!milestonesOnly || after?.kind === 'wait.case' || after?.kind === 'wait.duration') await record();
  };

  let at: string | null;
  if (input.resume) {
    at = input.resume.at;
  } else {
    const trigger = plan.steps[plan.trigger];
    if (!trigger) throw ApplicationFailure.nonRetryable(`the plan has no trigger step ${plan.trigger}`, 'InvalidPlan');
    run.complete(plan.trigger, input.trigger);
    const eventCase = caseIdOf(input.trigger);
    if (eventCase) run.touchCase(eventCase);
    at = nextOf(trigger, 'next');
  }

  try {
    await checkpoint();
    for (let count = 0; at !== null; count++) {
      if (count >= MAX_STEPS_PER_RUN) throw new StepFailed(at, `the run exceeded ${MAX_STEPS_PER_RUN} steps`);
      if (workflowInfo().continueAsNewSuggested) {
        await record();
        await continueAsNew<typeof runPlan>({ ...input, resume: run.resumeAt(at) });
      }
      const step: PlanStep | undefined = plan.steps[at];
      if (!step) throw new StepFailed(at, 'the plan has no such step');
      at = await runStep(at, step, { input, run, inbox, milestonesOnly, activities });
      await checkpoint(step);
    }
    run.finish('completed');
    await record();
    return { status: 'completed', caseIds: run.caseIds };
  } catch (error) {
    if (error instanceof ContinueAsNew) throw error;
    if (isCancellation(error)) {
      run.finish('canceled', 'canceled');
      await CancellationScope.nonCancellable(record);
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    run.finish('errored', message);
    await record();
    throw ApplicationFailure.nonRetryable(message, error instanceof StepFailed ? 'StepFailed' : 'RunFailed');
  }
}

/** Runs one step; resolves the id of the step to run next (null: the run ends). */
interface RunContext {
  input: RunInput;
  run: RunTracker;
  inbox: CaseEventDelivery[];
  milestonesOnly: boolean;
  activities: StepActivities;
}

async function runStep(id: string, step: PlanStep, context: RunContext): Promise<string | null> {
  const { input, run, milestonesOnly, activities } = context;
  const scope = { trigger: input.trigger, steps: run.outputs };
  const caseOf = (ref: { node: string }) => {
    const caseId = caseIdOf(run.outputs[ref.node]);
    if (!caseId) throw new StepFailed(id, `step ${ref.node} has no case to act on`);
    return caseId;
  };
  switch (step.kind) {
    case 'trigger.api':
    case 'trigger.event':
      return nextOf(step, 'next');
    case 'end':
      run.complete(id, null);
      return null;
    case 'logic.condition': {
      run.start(id);
      try {
        for (const route of step.params.routes) {
          const source = conditionSource(route.when);
          // Without a promise where the fast path answers: in the workflow sandbox every promise costs.
          const now = evaluateConditionNow(source, scope);
          if (now.handled ? now.value : await evaluateCondition(source, scope)) {
            run.complete(id, { route: route.id });
            return nextOf(step, route.id);
          }
        }
      } catch (error) {
        run.fail(id, failureOf(error).message, 1);
        throw new StepFailed(id, failureOf(error).message);
      }
      run.complete(id, { route: 'else' });
      return nextOf(step, 'else');
    }
    case 'wait.duration': {
      run.start(id, true);
      await recordRun(run.record(input.runId, workflowInfo().runId));
      await sleep(durationMs(step.params.duration), { summary: step.label || 'Wait' });
      run.complete(id, { 'waited-until': new Date(Date.now()).toISOString() });
      return nextOf(step, 'next');
    }
    case 'wait.case':
      return waitForCase(id, step, caseOf(step.params.case), context);
    case 'case.create':
    case 'case.update-fields':
    case 'case.attach-objects':
    case 'case.set-status':
    case 'case.assign':
    case 'case.set-sla':
    case 'case.clear-sla':
    case 'case.add-to-queue':
    case 'case.add-comment':
    case 'case.add-tags': {
      run.start(id);
      // Added after runs were in flight: show the step as running while its activity works (a slow or retrying
      // step), so the run view does not show it pending. Histories without the marker replay without the record.
      if (!milestonesOnly && patched('record-running-case-steps')) {
        await recordRun(run.record(input.runId, workflowInfo().runId));
      }
      try {
        const caseId = step.kind === 'case.create' ? null : caseOf(step.params.case);
        const raw = operationParams(step.params);
        const now = evaluateValueNow(raw, scope);
        const params = (now.handled ? now.value : await evaluateValue(raw, scope)) as Record<string, unknown>;
        const runCaseStep = activities.runCaseStep({
          retry: retryPolicy(step.params.retry),
          summary: step.label || step.kind,
        });
        const result = await runCaseStep({ runId: input.runId, nodeId: id, kind: step.kind, params, caseId });
        if (run.touchCase(result.case.id)) upsertSearchAttributes([{ key: caseIdsKey, value: [...run.caseIds] }]);
        run.complete(id, { case: result.case }, result.attempt);
        return nextOf(step, 'next');
      } catch (error) {
        if (isCancellation(error)) throw error;
        const { message, attempts } = failureOf(error, step.params.retry['max-attempts']);
        run.fail(id, message, attempts, { error: message });
        if (!step.params['continue-on-error']) throw new StepFailed(id, message);
        return nextOf(step, 'next');
      }
    }
    default: {
      const unknownStep: never = step;
      throw new StepFailed(id, `unknown step kind ${(unknownStep as PlanStep).kind}`);
    }
  }
}

/** `wait.case`: the first awaited event of the case (already recorded, or signalled later), or the timeout. */
async function waitForCase(
  id: string,
  step: Extract<PlanStep, { kind: 'wait.case' }>,
  caseId: string,
  { input, run, inbox, activities }: RunContext,
): Promise<string | null> {
  const { events, timeout } = step.params;
  const caseWaits = activities.waits;
  run.start(id, true);
  await recordRun(run.record(input.runId, workflowInfo().runId));
  const since = new Date(Date.now()).toISOString();
  const wait = { runId: input.runId, nodeId: id, caseId };
  // Deliveries before this wait (to an earlier wait on the same case) don't count; the publisher signals only while
  // the wait is registered, so no clock comparison is needed for signalled events.
  const firstNew = inbox.length;
  const awaited = (delivery: CaseEventDelivery, index: number) =>
    index >= firstNew && delivery.caseId === caseId && (events as readonly string[]).includes(delivery.event.name);
  let match = await caseWaits.openCaseWait({ ...wait, events, since });
  if (!match) {
    const signalled = await condition(() => inbox.some(awaited), durationMs(timeout));
    const delivery = signalled ? inbox.find(awaited) : undefined;
    match = delivery ? { event: delivery.event, case: delivery.case as never } : null;
  }
  await caseWaits.closeCaseWait(wait);
  if (match) {
    run.complete(id, match);
    return nextOf(step, 'matched');
  }
  if (step.params['error-on-timeout']) {
    const message = `no ${events.join(' or ')} within the timeout`;
    run.fail(id, message, 1);
    throw new StepFailed(id, message);
  }
  run.complete(id, { event: null, case: await caseWaits.readCase(caseId) });
  return nextOf(step, 'timed-out');
}
