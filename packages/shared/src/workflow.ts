/**
 * What workflow code (packages/runtime/src/temporal/workflows) may import at run time: the expression evaluator and
 * the run bookkeeping helpers, without zod or the API schemas. Temporal's sandbox evaluates a workflow's modules
 * again for every run it starts, and the whole package index cost ~35 ms of CPU per run; this entry costs a fraction.
 * Types come from the package index as usual (type imports are erased).
 */
export {
  evaluateCondition,
  evaluateConditionNow,
  evaluateValue,
  evaluateValueNow,
} from './expressions/expression-evaluate.ts';
export { forEachMaxItems } from './compile/compile-limits.ts';
export { parseTemplate } from './expressions/expression-template.ts';
export { durationSeconds } from './nodes/duration.ts';
export { pendingSteps, trimOutput } from './runs/step-state.ts';
export { MAX_WORKFLOW_CALL_DEPTH } from './runs/run-input.ts';
export { applyVariableOperation, initialVariables, variablesTotalProblem } from './variables/run-variables.ts';
