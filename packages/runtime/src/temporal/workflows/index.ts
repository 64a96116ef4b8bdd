// The workflows bundle: every workflow type the worker registers. Workflow type names are the exported
// function names and are persisted in histories: never rename one.
export { systemCheck } from './system-check.workflow.ts';
export { caseSla } from './case-sla.workflow.ts';
export { runPlan } from './run-plan.workflow.ts';
export { scheduledRun } from './scheduled-run.workflow.ts';
