import { validateFieldValues, type FieldValidation } from '../cases/field-values.ts';
import type { FieldSchema } from '../cases/field-schema.ts';
import type { NodeParams } from '../nodes/node-catalog.ts';

type TriggerField = NodeParams<'trigger.api'>['fields'][number];

/** A trigger field as a field schema: the trigger schema names no choices, so choices are checked as strings. */
function asFieldSchema(field: TriggerField): FieldSchema {
  const { key, required } = field;
  switch (field.type) {
    case 'choice':
      return { key, required, type: 'string' };
    case 'multi-choice':
      return { key, required, type: 'string-array' };
    default:
      return { key, required, type: field.type };
  }
}

/**
 * Checks a trigger payload (`data.attributes.fields`) against an API trigger's fields: required keys present,
 * values of their type, no unknown keys. Issues point below `/data/attributes/fields`.
 */
export function validateTriggerPayload(
  fields: readonly TriggerField[],
  input: Record<string, unknown>,
): FieldValidation {
  const result = validateFieldValues(fields.map(asFieldSchema), input);
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      ...issue,
      message: issue.message.replace('is not a field of this case template', 'is not a field of this trigger'),
    })),
  };
}
