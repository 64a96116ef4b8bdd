import type { CaseEventDelivery, ExpressionScope, NodeKind, PlanStep, RunInput } from '@casework/shared';
import { ActivityFailure, type ApplicationFailure, type RetryPolicy } from '@temporalio/workflow';
import type { HttpActivities } from '../../activities/http.activities.ts';
import type { RunActivities, StepFailureDetails } from '../../activities/run.activities.ts';
import { caseIdOf } from '../run-steps.ts';
import type { RunTracker } from '../run-tracker.ts';

/**
 * The activities a run calls, as local activities (added after runs were in flight, behind `patched('local-steps')`):
 * a case step or wait registration is a few store round trips, so running it inside the workflow task saves the
 * Temporal server an activity task and a workflow task per step — the whole chain up to a wait is one workflow task.
 * Histories from before replay with regular activities.
 */
export interface StepActivities {
  runCaseStep: (options: { retry: RetryPolicy; summary: string }) => RunActivities['runCaseStep'];
  waits: Pick<RunActivities, 'openCaseWait' | 'closeCaseWait' | 'readCase'>;
  /** `http.request`: always a regular activity (a request may take minutes; its attempts show in Temporal UI). */
  runHttpStep: (options: {
    retry: RetryPolicy;
    summary: string;
    startToCloseMs: number;
  }) => HttpActivities['runHttpStep'];
}

/** What a step's executor may use of its run. */
export interface RunContext {
  input: RunInput;
  run: RunTracker;
  inbox: CaseEventDelivery[];
  milestonesOnly: boolean;
  activities: StepActivities;
  /** Writes the run's record now (`recordRun`). */
  record: () => Promise<void>;
  /**
   * Runs a parallel's branch (a loop's body) from `from` until it reaches a join: resolves the join's id (null if the
   * run ended), noting each step it ran in `visited`. Steps run with `within` (a loop's iteration), else as a branch.
   */
  walkBranch: (from: string, visited: string[], within?: RunContext) => Promise<string | null>;
  /** Inside a `logic.for-each` body: the iteration's item and index, in scope of every expression. */
  loop?: { item: unknown; index: number } | undefined;
}

/**
 * What the step's expressions read: the trigger, the steps' outputs, the run variables and, in a loop's body, `item`
 * and `index`.
 */
export const scopeOf = ({ input, run, loop }: RunContext): ExpressionScope => ({
  trigger: input.trigger,
  steps: run.outputs,
  vars: run.vars,
  loop,
});

/**
 * The step's id as its activities key their work (idempotently per run and this id): inside a loop's body each
 * iteration is a step of its own, `node#index`.
 */
export const iterationStepId = (id: string, { loop }: RunContext): string => (loop ? `${id}#${loop.index}` : id);

/** A step of kind K, as the plan holds it. */
export type StepOf<K extends NodeKind> = Extract<PlanStep, { kind: K }>;

/**
 * What a node kind does in a run (packages/runtime/src/temporal/workflows/steps/step-registry.ts finds it): `run`
 * resolves the id of the step to run next (null: the run ends). Deterministic, like all workflow code.
 */
export interface StepExecutor<K extends NodeKind = NodeKind> {
  run(id: string, step: StepOf<K>, context: RunContext): Promise<string | null>;
  /** Whether the run's record is written after the step even when only milestones are recorded (a wait's end). */
  milestone?: boolean;
}

/** A step failed and the run stops there (its `continue-on-error` is off, or it is not an action). */
export class StepFailed extends Error {
  constructor(
    readonly nodeId: string,
    message: string,
  ) {
    super(`step ${nodeId}: ${message}`);
  }
}

/** The step's error message and how many attempts it took (all of them when its retries ran out). */
export function failureOf(error: unknown, maxAttempts = 1): { message: string; attempts: number } {
  if (error instanceof ActivityFailure && error.cause) {
    const details = (error.cause as ApplicationFailure).details?.[0] as StepFailureDetails | undefined;
    const exhausted = error.retryState === 'MAXIMUM_ATTEMPTS_REACHED';
    return { message: error.cause.message, attempts: exhausted ? maxAttempts : (details?.attempt ?? 1) };
  }
  return { message: error instanceof Error ? error.message : String(error), attempts: 1 };
}

/** The id of the case in the output of the step `ref` names; a step error when it has none. */
export function caseOf(id: string, ref: { node: string }, run: RunTracker): string {
  const caseId = caseIdOf(run.outputs[ref.node]);
  if (!caseId) throw new StepFailed(id, `step ${ref.node} has no case to act on`);
  return caseId;
}
