import { z } from 'zod';
import { fieldKeySchema, type FieldSchema } from '../cases/field-schema.ts';
import { defineCaseAction } from './case-action.ts';
import type { CatalogCheck } from './node-checks.ts';
import { valueSchema } from './node-params.ts';
import { summaryList, summaryRecord, summarizeSome, summaryText } from './node-summary-text.ts';

/** `set` replaces a value, `unset` removes it; `append` adds a list, `push` one item, `remove` one item (lists). */
export const fieldOperations = ['set', 'unset', 'append', 'push', 'remove'] as const;
export type FieldOperation = (typeof fieldOperations)[number];

const operationSchema = z.discriminatedUnion('op', [
  z.strictObject({ field: fieldKeySchema, op: z.literal('unset') }),
  ...(['set', 'append', 'push', 'remove'] as const).map((op) =>
    z.strictObject({ field: fieldKeySchema, op: z.literal(op), value: valueSchema }),
  ),
]);

const listItemField = (field: FieldSchema): FieldSchema | null =>
  field.type === 'multi-choice'
    ? { key: field.key, type: 'choice', required: false, config: field.config }
    : field.type === 'string-array'
      ? { key: field.key, type: 'string', required: false }
      : null;

function checkOperation(check: CatalogCheck, op: FieldOperation, field: FieldSchema, value: unknown, path: string) {
  if (op === 'unset') return;
  if (op === 'set') return check.value(field, value, path);
  const item = listItemField(field);
  if (!item) check.report('field-type-mismatch', `"${op}" needs a list field; "${field.key}" is ${field.type}`, path);
  else check.value(op === 'append' ? field : item, value, path);
}

export const caseUpdateFieldsNode = defineCaseAction({
  kind: 'case.update-fields',
  version: 1,
  title: 'Update fields',
  description: "Sets or changes a case's fields",
  idBase: 'update-fields',
  params: { operations: z.array(operationSchema).min(1).max(200) },
  defaults: { operations: [] },
  evaluatedParamsSchema: z.object({ operations: z.array(z.record(z.string(), z.unknown())) }),
  summary: (params) => {
    const operations = summaryList(params.operations).map((operation) => {
      const { op, field } = summaryRecord(operation);
      return `${summaryText(op) ?? '?'} ${summaryText(field) ?? '?'}`;
    });
    return summarizeSome(operations, 2) ?? 'no operations';
  },
  checkCatalog: (params, check) => {
    params.operations.forEach((operation, index) => {
      const path = `/params/operations/${index}`;
      const field = check.field(operation.field, `${path}/field`);
      if (field)
        checkOperation(check, operation.op, field, 'value' in operation ? operation.value : null, `${path}/value`);
    });
  },
});
