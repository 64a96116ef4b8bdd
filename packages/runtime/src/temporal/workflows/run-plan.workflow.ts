import type { CaseEventDelivery, PlanStep, RunInput } from '@casework/shared';
import {
  ApplicationFailure,
  CancellationScope,
  ContinueAsNew,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { HttpActivities } from '../activities/http.activities.ts';
import type { RunActivities, RunRecord } from '../activities/run.activities.ts';
import { caseIdOf, nextOf } from './run-steps.ts';
import { createRunTracker } from './run-tracker.ts';
import { StepFailed, type RunContext, type StepActivities } from './steps/step-context.ts';
import { stepExecutorOf } from './steps/step-registry.ts';

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

function stepActivities(local: boolean): StepActivities {
  const proxy = local ? proxyLocalActivities : proxyActivities;
  return {
    runCaseStep: ({ retry, summary }) =>
      proxy<RunActivities>({ startToCloseTimeout: '1 minute', retry, summary }).runCaseStep,
    waits: proxy<RunActivities>(caseWaitOptions),
    runHttpStep: ({ retry, summary, startToCloseMs }) =>
      proxyActivities<HttpActivities>({ startToCloseTimeout: startToCloseMs, retry, summary }).runHttpStep,
  };
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
  const context: RunContext = { input, run, inbox, milestonesOnly, activities, record };
  const checkpoint = async (afterMilestone = false) => {
    if (!milestonesOnly || afterMilestone) await record();
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
      const executor = stepExecutorOf(step);
      if (!executor) throw new StepFailed(at, `unknown step kind ${step.kind}`);
      at = await executor.run(at, step, context);
      await checkpoint(executor.milestone);
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
