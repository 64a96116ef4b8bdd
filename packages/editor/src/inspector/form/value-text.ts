import { hasExpression, type FieldType } from '@casework/shared';

/** What a value input knows about the value it edits: the template field's type and choices, when known. */
export interface ValueHint {
  type: FieldType;
  choices?: readonly string[];
}

/** How a params value reads in a one-line input: strings as they are, other JSON as JSON, nothing as empty. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const numeric = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The value typed text stands for. Text with `{{` is an expression and stays a string. With a template field's
 * type, a literal becomes that type when it reads as one (`42` for a number, `true` for a boolean, `["a"]` for
 * a list); otherwise it stays text, and compile reports the mismatch. Without a type, text stays text unless
 * the value it replaces was not a string (a number edited stays a number).
 */
export function parseValueText(text: string, hint: ValueHint | undefined, previous: unknown): unknown {
  if (hasExpression(text)) return text;
  const trimmed = text.trim();
  if (!hint) {
    if (typeof previous === 'string' || previous === undefined || trimmed === '') return text;
    const parsed = parseJson(trimmed);
    return parsed.ok ? parsed.value : text;
  }
  switch (hint.type) {
    case 'number':
    case 'integer':
      return numeric.test(trimmed) ? Number(trimmed) : text;
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
    case 'multi-choice':
    case 'string-array':
    case 'object': {
      if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return text;
      const parsed = parseJson(trimmed);
      return parsed.ok ? parsed.value : text;
    }
    case 'string':
    case 'date':
    case 'datetime':
    case 'choice':
      return text;
  }
}

/** A short description of what a value input expects: `number`, `one of DE, FR, US`, `list of text`. */
export function hintText(hint: ValueHint): string {
  switch (hint.type) {
    case 'choice':
      return `one of ${(hint.choices ?? []).join(', ')}`;
    case 'multi-choice':
      return `list of ${(hint.choices ?? []).join(', ')}`;
    case 'string-array':
      return 'list of text, e.g. ["a", "b"]';
    case 'string':
      return 'text';
    case 'datetime':
      return 'date and time (ISO 8601)';
    case 'date':
      return 'date (YYYY-MM-DD)';
    case 'object':
      return 'JSON object';
    case 'number':
    case 'integer':
    case 'boolean':
      return hint.type;
  }
}
