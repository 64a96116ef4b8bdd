import { z } from 'zod';
import { fieldKeySchema } from '../cases/field-schema.ts';
import { defineNode } from './node-definition.ts';
import { caseActionParams, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

/** `set` replaces a value, `unset` removes it; `append` adds a list, `push` one item, `remove` one item (lists). */
export const fieldOperations = ['set', 'unset', 'append', 'push', 'remove'] as const;
export type FieldOperation = (typeof fieldOperations)[number];

const operationSchema = z.discriminatedUnion('op', [
  z.strictObject({ field: fieldKeySchema, op: z.literal('unset') }),
  ...(['set', 'append', 'push', 'remove'] as const).map((op) =>
    z.strictObject({ field: fieldKeySchema, op: z.literal(op), value: valueSchema }),
  ),
]);

export const caseUpdateFieldsNode = defineNode({
  kind: 'case.update-fields',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ operations: z.array(operationSchema).min(1).max(200) }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
