import type { FieldSchema, FieldType } from './field-schema.ts';

export interface FieldIssue {
  /** JSON pointer below `/data/attributes/fields`, e.g. `/data/attributes/fields/amount`. */
  pointer: string;
  message: string;
}

export interface TypedFieldValue {
  type: FieldType;
  value: unknown;
}

const MAX_STRING = 10_000;
const MAX_ARRAY = 1_000;
const MAX_OBJECT_DEPTH = 8;
const MAX_OBJECT_BYTES = 64 * 1024;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const datetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isValidDate = (text: string) =>
  !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Why a nested `object` value is unsafe to store (MongoDB operator-like or dotted keys, depth), or null. */
function objectProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_OBJECT_DEPTH) return `is nested deeper than ${MAX_OBJECT_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = objectProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
        return `has a key "${key}" that starts with "$" or contains "."`;
      }
      const problem = objectProblem(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** Checks one value against its field type; returns a problem description or null. */
export function fieldValueProblem(field: FieldSchema, value: unknown): string | null {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_STRING
        ? null
        : `must be a string of at most ${MAX_STRING} characters`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return Number.isSafeInteger(value) ? null : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && datePattern.test(value) && isValidDate(value)
        ? null
        : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof value === 'string' && datetimePattern.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be an ISO 8601 date-time with a time zone';
    case 'choice':
      return typeof value === 'string' && field.config.choices.includes(value)
        ? null
        : `must be one of: ${field.config.choices.join(', ')}`;
    case 'multi-choice':
      return Array.isArray(value) &&
        value.every((item) => typeof item === 'string' && field.config.choices.includes(item)) &&
        new Set(value).size === value.length
        ? null
        : `must be a list of distinct values from: ${field.config.choices.join(', ')}`;
    case 'string-array':
      return Array.isArray(value) &&
        value.length <= MAX_ARRAY &&
        value.every((item) => typeof item === 'string' && item.length <= MAX_STRING)
        ? null
        : `must be a list of at most ${MAX_ARRAY} strings`;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object';
      // Depth first: it stops at MAX_OBJECT_DEPTH, while JSON.stringify of a very deep value overflows the stack.
      const problem = objectProblem(value, 1);
      if (problem) return problem;
      return JSON.stringify(value).length > MAX_OBJECT_BYTES
        ? `must be smaller than ${MAX_OBJECT_BYTES / 1024} KB`
        : null;
    }
  }
}

export type FieldValidation = { ok: true; values: Record<string, unknown> } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a `fields` input against a template's field schemas: unknown keys and wrong types are issues;
 * required fields must be present unless `partial` (an update merging into existing values). `null` on an
 * update removes an optional field.
 */
export function validateFieldValues(
  schemas: readonly FieldSchema[],
  input: Record<string, unknown>,
  { partial = false, pointer = '/data/attributes/fields' }: { partial?: boolean; pointer?: string } = {},
): FieldValidation {
  const byKey = new Map(schemas.map((schema) => [schema.key, schema]));
  const issues: FieldIssue[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const schema = byKey.get(key);
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!schema) {
      issues.push({ pointer: at, message: `"${key}" is not a field of this case template` });
      continue;
    }
    if (value === null && partial) {
      if (schema.required) issues.push({ pointer: at, message: `"${key}" is required and cannot be removed` });
      else values[key] = null;
      continue;
    }
    const problem = fieldValueProblem(schema, value);
    if (problem) issues.push({ pointer: at, message: `"${key}" ${problem}` });
    else values[key] = value;
  }
  if (!partial) {
    for (const schema of schemas) {
      if (schema.required && !(schema.key in input)) {
        issues.push({ pointer: `${pointer}/${schema.key}`, message: `"${schema.key}" is required` });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values };
}

/** The API shape of stored field values: every template field as `{ type, value }` (null when unset). */
export function typedFields(
  schemas: readonly FieldSchema[],
  values: Record<string, unknown>,
): Record<string, TypedFieldValue> {
  return Object.fromEntries(
    schemas.map((schema) => [schema.key, { type: schema.type, value: values[schema.key] ?? null }]),
  );
}
