import type { FieldSchema, TemplateSnapshot } from '@casework/shared';
import type { FormPath } from '../form/form-path.ts';
import { asList, asRecord } from '../form/immutable.ts';
import type { ValueHint } from '../form/value-text.ts';

const hintOf = (field: FieldSchema): ValueHint =>
  field.type === 'choice' || field.type === 'multi-choice'
    ? { type: field.type, choices: field.config.choices }
    : { type: field.type };

/** What one item of a list field holds: a choice of a multi-choice, text of a string-array. */
function itemHint(field: FieldSchema): ValueHint | undefined {
  if (field.type === 'multi-choice') return { type: 'choice', choices: field.config.choices };
  if (field.type === 'string-array') return { type: 'string' };
  return undefined;
}

/**
 * The template field behind a value input, when the template is known: `fields/<key>` of `case.create`, and
 * the `value` of an update-fields operation (an item of the list for `push` and `remove`).
 */
export function valueHintAt(
  kind: string,
  params: Record<string, unknown>,
  path: FormPath,
  template: TemplateSnapshot | null,
): ValueHint | undefined {
  if (!template) return undefined;
  const fieldNamed = (key: unknown) => template.fieldSchemas.find((field) => field.key === key);
  if (kind === 'case.create' && path.length === 2 && path[0] === 'fields') {
    const field = fieldNamed(path[1]);
    return field && hintOf(field);
  }
  if (kind === 'case.update-fields' && path.length === 3 && path[0] === 'operations' && path[2] === 'value') {
    const operation = asRecord(asList(params.operations)[Number(path[1])]);
    const field = fieldNamed(operation.field);
    if (!field) return undefined;
    return operation.op === 'push' || operation.op === 'remove' ? itemHint(field) : hintOf(field);
  }
  return undefined;
}
