/**
 * The commonest expressions answered without jsonata: a plain path (`trigger.amount`, `steps.create.case.id`), and
 * jsonata's `$boolean()` cast. Inside Temporal's workflow sandbox every promise jsonata creates costs a captured stack
 * trace, so a path read through jsonata costs a millisecond or more per run step; this costs microseconds. Anything
 * whose result could differ from jsonata's (arrays on the way, names jsonata reads otherwise) is left to jsonata.
 */

const plainPath = /^\s*[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\s*$/;
const reserved = new Set(['true', 'false', 'null', 'and', 'or', 'in', 'function']);

/** The value a plain path reads from `input`, or `{ handled: false }` when jsonata must decide. */
export function readPlainPath(source: string, input: unknown): { handled: true; value: unknown } | { handled: false } {
  if (!plainPath.test(source)) return { handled: false };
  const names = source.trim().split('.');
  if (names.some((name) => reserved.has(name))) return { handled: false };
  let current: unknown = input;
  for (const name of names) {
    if (Array.isArray(current)) return { handled: false };
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, name)) {
      return { handled: true, value: undefined };
    }
    current = (current as Record<string, unknown>)[name];
  }
  // jsonata unwraps and flattens sequences; leave arrays (and the odd values it never reads from JSON) to it.
  if (Array.isArray(current) || typeof current === 'function' || current === undefined) return { handled: false };
  return { handled: true, value: current };
}

/**
 * jsonata's `$boolean()` for JSON values: false for empty strings, 0, null, empty arrays and objects and nothing
 * (jsonata's own functions and sequences are objects too: evaluateCondition leaves objects to jsonata).
 */
export function castBoolean(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'function') return false;
  if (Array.isArray(value)) return value.some(castBoolean);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}
