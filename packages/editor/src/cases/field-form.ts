import type { FieldSchema, FieldType } from '@casework/shared';

/** What a field's control holds while it is edited: text, or the chosen values of a multi-choice. */
export type FieldDraft = string | readonly string[];

/** One field of the case as the form shows it: its key, type, label and choices, and its control's value. */
export interface FormField {
  key: string;
  type: FieldType;
  label: string;
  required: boolean;
  choices: readonly string[];
}

/**
 * The fields of a case, typed as the case stores them (`fields` carries each value's type) and labelled by its
 * template where the template still has the key; in the template's order, then any the template no longer has.
 */
export function formFields(stored: Record<string, { type: FieldType }>, schemas: readonly FieldSchema[]): FormField[] {
  const known = schemas
    .filter((schema) => schema.key in stored)
    .map((schema) => ({
      key: schema.key,
      type: stored[schema.key]?.type ?? schema.type,
      label: schema.label ?? schema.key,
      required: schema.required,
      choices: schema.type === 'choice' || schema.type === 'multi-choice' ? schema.config.choices : [],
    }));
  const rest = Object.entries(stored)
    .filter(([key]) => !schemas.some((schema) => schema.key === key))
    .map(([key, { type }]) => ({ key, type, label: key, required: false, choices: [] }));
  return [...known, ...rest];
}

/** The control's value for a stored value. */
export function draftOf(type: FieldType, value: unknown): FieldDraft {
  if (value === null || value === undefined) return type === 'multi-choice' ? [] : '';
  switch (type) {
    case 'multi-choice':
      return Array.isArray(value) ? value.map(String) : [];
    case 'string-array':
      return Array.isArray(value) ? value.map(String).join('\n') : String(value);
    case 'object':
      return JSON.stringify(value, null, 2);
    case 'boolean':
    case 'number':
    case 'integer':
      return String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/**
 * The value to send for a control's draft: typed where the text reads as the type, the text itself where it does
 * not, so the API's own validation answers (next to the field, by its pointer) rather than a second set of rules
 * here. An empty control removes the value (`null`).
 */
export function valueOf(type: FieldType, draft: FieldDraft): unknown {
  if (typeof draft !== 'string') return draft.length === 0 ? null : [...draft];
  const text = draft.trim();
  if (text === '') return null;
  switch (type) {
    case 'number':
    case 'integer': {
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'string-array':
      return draft
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    case 'object':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    case 'string':
      return draft;
    default:
      return text;
  }
}

/** The fields whose drafts differ from the stored values, as `PATCH /cases/{id}` takes them (`fields`, merged). */
export function changedFields(
  fields: readonly FormField[],
  stored: Record<string, { value: unknown }>,
  drafts: Readonly<Record<string, FieldDraft>>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const draft = drafts[field.key];
    if (draft === undefined) continue;
    const value = valueOf(field.type, draft);
    if (JSON.stringify(value) !== JSON.stringify(stored[field.key]?.value ?? null)) changes[field.key] = value;
  }
  return changes;
}

/** The JSON pointer the API names a field's problem by. */
export const fieldPointer = (key: string): string =>
  `/data/attributes/fields/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
