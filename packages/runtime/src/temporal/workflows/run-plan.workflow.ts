import type { CaseEventDelivery, PlanStep, RunInput } from '@casework/shared';
import {
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  ContinueAsNew,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { HttpActivities } from '../activities/http.activities.ts';
import type { RunActivities, RunRecord } from '../activities/run.activities.ts';
import { caseIdOf, nextOf } from './run-steps.ts';
import { takesChange } from './run-changes.ts';
import { createRunTracker } from './run-tracker.ts';
import { publishRunView } from './run-view-interceptors.ts';
import { StepFailed, type RunContext, type StepActivities } from './steps/step-context.ts';
import { stepExecutorOf } from './steps/step-registry.ts';

// Persisted names (in histories and in the api's calls): never rename one.
export const caseEventSignal = defineSignal<[CaseEventDelivery]>('runPlan.caseEvent');
export const runStateQuery = defineQuery<RunRecord>('runPlan.state');
/**
 * Sent with the run's start by a trigger that waits for the run (`Prefer: wait`): its handler answers at once, and
 * Temporal hands the answer back when the workflow task carrying it ends, so the caller learns that the run's first
 * task has ended without watching its history (runs/run-launcher.ts).
 */
export const firstTaskUpdate = defineUpdate<null>('runPlan.firstTask');

export interface RunOutcome {
  status: 'completed';
  caseIds: string[];
}

// A plan is acyclic and holds at most 500 steps, so every step runs at most once (branches included) except in a
// loop's body, once per item (at most 1,000 items, no loop inside a loop); this only guards a bug.
const MAX_STEPS_PER_RUN = 500 * 1_000 + 1_000;

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
  setHandler(firstTaskUpdate, () => null);
  const record = () => recordRun(run.record(runId, workflowInfo().runId));
  // Whatever a workflow task changed and did not record goes to the record when the task ends (outside the history).
  publishRunView(() => run.unrecorded(runId, workflowInfo().runId));
  // Added after runs were in flight: the run writes its record at milestones only (entering and leaving a wait, the
  // end), not after every step; the rest reaches the record at each task's end (above). Histories from before replay
  // with a record after each step. Likewise its steps' activities became local ones (run-changes.ts).
  const milestonesOnly = takesChange(input, 'record-milestones-only');
  const activities = stepActivities(takesChange(input, 'local-steps'));
  let stepCount = 0;
  /**
   * Runs steps from `from` until the run ends (null). Inside a parallel's branch or a loop's body (`visited` given) it
   * stops at the join instead and returns its id, noting each step it ran; only the run's own walk may continue as
   * new, so a loop never continues as new mid-loop (logic.for-each.step.ts).
   */
  const walk = async (from: string | null, visited?: string[], within = context): Promise<string | null> => {
    for (let at = from; at !== null;) {
      if (stepCount++ >= MAX_STEPS_PER_RUN) throw new StepFailed(at, `the run exceeded ${MAX_STEPS_PER_RUN} steps`);
      if (!visited && workflowInfo().continueAsNewSuggested) {
        await record();
        await continueAsNew<typeof runPlan>({ ...input, resume: run.resumeAt(at) });
      }
      const step: PlanStep | undefined = plan.steps[at];
      if (!step) throw new StepFailed(at, 'the plan has no such step');
      if (visited && step.kind === 'logic.join') return at;
      // Steps of a branch shield their activities (below), so a canceled branch stops between steps.
      if (visited && CancellationScope.current().consideredCancelled) throw new CancelledFailure('canceled');
      visited?.push(at);
      const executor = stepExecutorOf(step);
      if (!executor) throw new StepFailed(at, `unknown step kind ${step.kind}`);
      at = await executor.run(at, step, within);
      if (!milestonesOnly || executor.milestone) await within.record();
    }
    return null;
  };
  const context: RunContext = {
    input,
    run,
    inbox,
    milestonesOnly,
    activities,
    record,
    walkBranch: (from, visited, within) => walk(from, visited, within ?? branchContext),
  };
  // A failing branch cancels its siblings (logic.parallel.step.ts): their timers and conditions, never an activity
  // already started, whose result may be on its way in the same activation (Temporal's core refuses that cancel).
  const shielded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      CancellationScope.nonCancellable(() => call(...args));
  const branchContext: RunContext = {
    ...context,
    record: shielded(record),
    activities: {
      runCaseStep: (options) => shielded(activities.runCaseStep(options)),
      runHttpStep: (options) => shielded(activities.runHttpStep(options)),
      waits: {
        openCaseWait: shielded(activities.waits.openCaseWait),
        closeCaseWait: shielded(activities.waits.closeCaseWait),
        readCase: shielded(activities.waits.readCase),
      },
    },
  };
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
    await walk(at);
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
