import type { CaseDocument } from './case-collections.ts';
import { UnprocessableError } from '../platform/errors.ts';
import { changeFields, type CaseChange } from './case-changes.ts';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listAt(fields: Record<string, unknown>, field: string, index: number): unknown[] {
  const current = fields[field] ?? [];
  if (!Array.isArray(current)) {
    throw new UnprocessableError(
      `"${field}" holds no list, so items cannot be added or removed`,
      `/operations/${index}`,
    );
  }
  return current;
}

/**
 * The `case.update-fields` operations applied in order to the case's fields, as one change validated against the
 * case's field schemas: `set` replaces, `unset` removes, `append` adds a list's items, `push` one item, `remove`
 * every item equal to the value.
 */
export function applyFieldOperations(kase: CaseDocument, operations: Record<string, unknown>[]): CaseChange | null {
  const fields: Record<string, unknown> = { ...kase.fields };
  const touched = new Set<string>();
  operations.forEach((operation, index) => {
    const field = String(operation.field);
    const { value } = operation;
    touched.add(field);
    switch (operation.op) {
      case 'set':
        fields[field] = value ?? null;
        break;
      case 'unset':
        fields[field] = null;
        break;
      case 'append':
        fields[field] = [...listAt(fields, field, index), ...(Array.isArray(value) ? value : [value])];
        break;
      case 'push':
        fields[field] = [...listAt(fields, field, index), value];
        break;
      case 'remove':
        fields[field] = listAt(fields, field, index).filter((item) => !sameValue(item, value));
        break;
      default:
        throw new UnprocessableError(`unknown operation "${String(operation.op)}"`, `/operations/${index}/op`);
    }
  });
  return changeFields(kase, Object.fromEntries([...touched].map((field) => [field, fields[field] ?? null])));
}
