import { z } from 'zod';
import { operandProblem, operationProblem, type VariableOperation } from '../variables/run-variables.ts';
import { defineNode } from './node-definition.ts';
import { valueSchema } from './node-params.ts';
import { summarizeSome, summaryList, summaryRecord, summaryText } from './node-summary-text.ts';

const variableName = z.string().min(1).max(64);

const operationSchema = z.discriminatedUnion('op', [
  z.strictObject({ variable: variableName, op: z.literal('unset') }),
  ...(['set', 'append', 'push', 'remove'] as const).map((op) =>
    z.strictObject({ variable: variableName, op: z.literal(op), value: valueSchema }),
  ),
]);

/**
 * Changes the run's variables (declared on the workflow, read as `vars.<name>`), operation by operation; the
 * interpreter applies them in the workflow (packages/runtime/src/temporal/workflows/steps/data.set-variables.step.ts).
 * It has no output for expressions (read `vars.<name>`); the run view shows every variable after the step.
 */
export const dataSetVariablesNode = defineNode({
  kind: 'data.set-variables',
  version: 1,
  role: 'logic',
  paramsSchema: z.strictObject({ operations: z.array(operationSchema).min(1).max(50) }),
  handles: () => ['next'],
  outputHasCase: false,
  checkCatalog: (params, check) => {
    params.operations.forEach((operation, index) => {
      const path = `/params/operations/${index}`;
      const declaration = check.variable(operation.variable, `${path}/variable`);
      if (!declaration) return;
      const op: VariableOperation = operation.op;
      const wrongOp = operationProblem(declaration.type, op);
      if (wrongOp) return check.report('variable-type-mismatch', `"${declaration.name}": ${wrongOp}`, `${path}/op`);
      if (!('value' in operation) || !check.isLiteral(operation.value)) return;
      const problem = operandProblem(declaration.type, op, operation.value);
      if (problem)
        check.report(
          'variable-type-mismatch',
          `"${declaration.name}" (${declaration.type}): ${problem}`,
          `${path}/value`,
        );
    });
  },
  title: 'Set variables',
  description: "Sets or changes the run's variables",
  idBase: 'set-variables',
  defaults: () => ({ operations: [] }),
  summary: (params) => {
    const operations = summaryList(params.operations).map((operation) => {
      const { op, variable } = summaryRecord(operation);
      return `${summaryText(op) ?? '?'} ${summaryText(variable) ?? '?'}`;
    });
    return [summarizeSome(operations, 2) ?? 'no operations'];
  },
});
