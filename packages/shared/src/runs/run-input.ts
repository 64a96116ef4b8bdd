import type { Plan } from '../compile/plan.ts';
import type { StepState } from './run-state.ts';

/** How deep workflow runs may start each other (`flow.run-workflow`): workflows calling each other in a circle stop here. */
export const MAX_WORKFLOW_CALL_DEPTH = 5;

/** Where a run continues after continue-as-new: the next step, what earlier steps produced, and the run view. */
export interface RunResume {
  at: string | null;
  outputs: Record<string, unknown>;
  steps: StepState[];
  caseIds: string[];
  seq: number;
  /** The run's variables (absent in runs of plans without any, and in runs from before variables). */
  vars?: Record<string, unknown>;
}

/**
 * The input of the interpreter workflow: everything a run needs, so it is pinned to its version's plan forever.
 * `trigger` is the trigger's output: the validated payload, or `{ event, case }` for an event trigger.
 */
export interface RunInput {
  runId: string;
  workflowId: string;
  versionId: string;
  plan: Plan;
  trigger: unknown;
  resume?: RunResume;
  /** The workflows whose runs called this one (`flow.run-workflow`), outermost first; absent for a top-level run. */
  callers?: string[];
  /**
   * The interpreter changes the run started with (packages/runtime/src/temporal/workflows/run-changes.ts): absent in
   * runs started before there was such a number.
   */
  changes?: number;
}

/** A case event delivered to a run waiting on that case. */
export interface CaseEventDelivery {
  caseId: string;
  event: { id: string; name: string; at: string };
  /** The case as that event left it (the plain case object of docs/architecture.md, "Workflows"). */
  case: unknown;
}
