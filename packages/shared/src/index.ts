export * from './ids.ts';
export * from './api/error.dto.ts';
export * from './api/access.dto.ts';
export * from './api/health.dto.ts';
export * from './api/system-check.dto.ts';
export * from './api/jsonapi.ts';
export * from './api/case-template.dto.ts';
export * from './api/case-queue.dto.ts';
export * from './api/case.dto.ts';
export * from './api/case-search.dto.ts';
export * from './api/workflow.dto.ts';
export * from './api/secret.dto.ts';
export * from './api/workflow-schedule.dto.ts';
export * from './cases/case-events.ts';
export * from './cases/case-status.ts';
export * from './cases/field-schema.ts';
export * from './cases/field-values.ts';
export * from './cases/object-ids.ts';
export * from './cases/template-rules.ts';
export * from './graph/graph.schema.ts';
export * from './graph/graph-utils.ts';
export * from './graph/ancestry.ts';
export * from './nodes/node-definition.ts';
export * from './nodes/node-params.ts';
export * from './nodes/node-outputs.ts';
export * from './nodes/node-catalog.ts';
export * from './nodes/node-checks.ts';
export { fieldOperations, type FieldOperation } from './nodes/case.update-fields.node.ts';
export { keyedHandleLists, routeKeys } from './nodes/route-keys.ts';
export * from './nodes/http.request.node.ts';
export {
  cronProblem,
  isTimeZone,
  MIN_SCHEDULE_INTERVAL_SECONDS,
  scheduleSpecSchema,
  type ScheduleOutput,
  type ScheduleSpec,
} from './nodes/trigger.schedule.node.ts';
export * from './expressions/expression-template.ts';
export * from './expressions/expression-parse.ts';
export * from './expressions/expression-reads.ts';
export * from './expressions/expression-strings.ts';
export * from './expressions/expression-evaluate.ts';
export { compileIssueCodes, type CompileIssue, type CompileIssueCode } from './compile/compile-issue.ts';
export * from './compile/compile-limits.ts';
export * from './compile/catalog-snapshot.ts';
export * from './compile/plan.ts';
export * from './compile/compile.ts';
export * from './variables/run-variables.ts';
export * from './runs/run-state.ts';
export * from './runs/run-input.ts';
export * from './runs/trigger-payload.ts';
export * from './api/workflow-run.dto.ts';
