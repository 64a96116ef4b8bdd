import type { NodeKind, PlanStep } from '@casework/shared';
import { caseActionStep } from './case-action.step.ts';
import { setVariablesStep } from './data.set-variables.step.ts';
import { endStep } from './end.step.ts';
import { httpRequestStep } from './http.request.step.ts';
import { runWorkflowStep } from './flow.run-workflow.step.ts';
import { conditionStep } from './logic.condition.step.ts';
import { forEachStep } from './logic.for-each.step.ts';
import { joinStep } from './logic.join.step.ts';
import { parallelStep } from './logic.parallel.step.ts';
import type { StepExecutor } from './step-context.ts';
import { triggerApiStep, triggerEventStep, triggerScheduleStep } from './trigger.step.ts';
import { waitCaseStep } from './wait.case.step.ts';
import { waitDurationStep } from './wait.duration.step.ts';

/** Kinds share an executor by family: every `case.*` kind is one case step activity. */
type StepFamily<K extends NodeKind> = K extends `case.${string}` ? 'case.*' : K;
const familyOf = (kind: NodeKind): StepFamily<NodeKind> =>
  kind.startsWith('case.') ? 'case.*' : (kind as Exclude<NodeKind, `case.${string}`>);

/** The executor of every kind (family); a kind of the catalog without one is a type error here. */
const stepExecutors: {
  [F in StepFamily<NodeKind>]: StepExecutor<Extract<NodeKind, F extends 'case.*' ? `case.${string}` : F>>;
} = {
  'trigger.api': triggerApiStep,
  'trigger.event': triggerEventStep,
  'trigger.schedule': triggerScheduleStep,
  'case.*': caseActionStep,
  'http.request': httpRequestStep,
  'logic.condition': conditionStep,
  'logic.parallel': parallelStep,
  'logic.join': joinStep,
  'data.set-variables': setVariablesStep,
  'logic.for-each': forEachStep,
  'wait.duration': waitDurationStep,
  'wait.case': waitCaseStep,
  'flow.run-workflow': runWorkflowStep,
  end: endStep,
};

/** The executor of a plan step, or undefined for a kind this worker does not know (a newer plan). */
export function stepExecutorOf(step: PlanStep): StepExecutor | undefined {
  return (stepExecutors as unknown as Partial<Record<string, StepExecutor>>)[familyOf(step.kind)];
}
