import { ExpressionError } from './expression-error.ts';
import { castBoolean, evaluateFast } from './expression-fast-path.ts';
import { evaluateGuarded, expressionLimits, newBudget } from './expression-guard.ts';
import { toPlainJson } from './expression-plain.ts';
import { escapePointerSegment } from './expression-strings.ts';
import { parseTemplate } from './expression-template.ts';

export { ExpressionError } from './expression-error.ts';
export { expressionLimits } from './expression-guard.ts';

/**
 * What expressions read: the trigger's payload (or event), the outputs of completed steps by node id, the run's
 * variables (`vars.<name>`) and, inside a `logic.for-each` body, the iteration's `item` and `index`.
 */
export interface ExpressionScope {
  trigger: unknown;
  steps: Record<string, unknown>;
  vars?: Record<string, unknown>;
  loop?: { item: unknown; index: number } | undefined;
}

const inputOf = (scope: ExpressionScope) => ({
  trigger: scope.trigger,
  steps: scope.steps,
  vars: scope.vars ?? {},
  ...(scope.loop ? { item: scope.loop.item, index: scope.loop.index } : {}),
});

/**
 * Evaluates JSONata `source` (without `{{ }}`) against `{ trigger, steps, vars }`, bounded by `expressionLimits`.
 * The result is plain JSON (a sequence becomes an array; a single match stays a single value, as in jsonata),
 * or `undefined` when nothing matched. Throws an ExpressionError for syntax and runtime errors and limits.
 */
export async function evaluateExpression(source: string, scope: ExpressionScope): Promise<unknown> {
  return toPlainJson(await evaluateGuarded(source, inputOf(scope)), expressionLimits.resultBytes);
}

/** Whether `source` holds, by jsonata's `$boolean()`: empty strings, 0, empty arrays and objects are false. */
export async function evaluateCondition(source: string, scope: ExpressionScope): Promise<boolean> {
  const fast = evaluateConditionNow(source, scope);
  if (fast.handled) return fast.value;
  const value = await evaluateGuarded(source, inputOf(scope));
  // Objects may be jsonata functions or sequences, which only jsonata casts right.
  if (value === null || typeof value !== 'object') return castBoolean(value);
  return (await evaluateGuarded('$boolean($value)', null, { value })) === true;
}

/**
 * `evaluateCondition` without a promise, for the expressions the fast path answers (expression-fast-path.ts);
 * `{ handled: false }` otherwise. Workflow code tries this first: in Temporal's sandbox every promise costs.
 */
export function evaluateConditionNow(
  source: string,
  scope: ExpressionScope,
): { handled: true; value: boolean } | { handled: false } {
  const fast = evaluateFast(source, inputOf(scope), expressionLimits.resultBytes);
  if (!fast.handled) return fast;
  const { value } = fast;
  if (value !== null && typeof value === 'object') return { handled: false };
  return { handled: true, value: castBoolean(value) };
}

/**
 * Evaluates the expressions in a parameter value: a string that is one `{{ … }}` becomes the expression's
 * value (any JSON), text with embedded `{{ … }}` becomes a string, other strings and JSON stay as they are.
 * A key or item whose value evaluates to `undefined` (nothing matched) is left out. Errors carry the JSON
 * pointer of their string (e.g. `/fields/amount`) and their position in it.
 */
export async function evaluateValue(value: unknown, scope: ExpressionScope): Promise<unknown> {
  const fast = evaluateValueNow(value, scope);
  if (fast.handled) return fast.value;
  const input = inputOf(scope);
  // One budget for every expression of the value: a step with many expressions is bounded as one.
  const budget = newBudget();
  const walk = walkValue(value, '');
  let step = walk.next();
  while (!step.done) {
    const { source, offset, path } = step.value;
    let result: unknown;
    try {
      result = toPlainJson(await evaluateGuarded(source, input, undefined, budget), expressionLimits.resultBytes);
    } catch (error) {
      throw error instanceof ExpressionError ? error.at(path, offset) : error;
    }
    step = walk.next(result);
  }
  // Each expression's result is bounded; so is their sum.
  return toPlainJson(step.value, expressionLimits.resultBytes);
}

/** `evaluateValue` without a promise when the fast path answers every expression in it; `{ handled: false }` otherwise. */
export function evaluateValueNow(
  value: unknown,
  scope: ExpressionScope,
): { handled: true; value: unknown } | { handled: false } {
  const input = inputOf(scope);
  const walk = walkValue(value, '');
  let step = walk.next();
  while (!step.done) {
    const fast = evaluateFast(step.value.source, input, expressionLimits.resultBytes);
    if (!fast.handled) return fast;
    let result: unknown;
    try {
      result = toPlainJson(fast.value, expressionLimits.resultBytes);
    } catch {
      return { handled: false };
    }
    step = walk.next(result);
  }
  try {
    return { handled: true, value: toPlainJson(step.value, expressionLimits.resultBytes) };
  } catch {
    return { handled: false };
  }
}

/** One expression the walk needs the value of (plain JSON, or `undefined` for nothing). */
interface ExpressionRequest {
  source: string;
  offset: number;
  path: string;
}

/**
 * Walks a parameter value, yielding each expression it meets and building the result from the values sent back;
 * its caller decides how an expression is evaluated (synchronously on the fast path, or through jsonata).
 */
function* walkValue(value: unknown, path: string): Generator<ExpressionRequest, unknown, unknown> {
  if (typeof value === 'string') return yield* walkString(value, path);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const result = yield* walkValue(item, `${path}/${index}`);
      if (result !== undefined) items.push(result);
    }
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      const result = yield* walkValue(item, `${path}/${escapePointerSegment(key)}`);
      if (result !== undefined) entries.push([key, result]);
    }
    return Object.fromEntries(entries);
  }
  return value;
}

function* walkString(text: string, path: string): Generator<ExpressionRequest, unknown, unknown> {
  const template = parseTemplate(text);
  switch (template.kind) {
    case 'literal':
      return text;
    case 'unterminated': {
      const message = `"{{" at ${template.offset} is never closed by "}}"`;
      throw new ExpressionError(message, { position: 0 }).at(path, template.offset);
    }
    case 'expression':
      return yield { source: template.source, offset: template.offset, path };
    case 'interpolation': {
      let joined = '';
      for (const part of template.parts) {
        joined += part.kind === 'text' ? part.text : asText(yield { source: part.source, offset: part.offset, path });
        if (joined.length > expressionLimits.resultBytes) {
          const message = `the text is longer than ${expressionLimits.resultBytes} characters`;
          throw new ExpressionError(message, { code: 'size-exceeded' }).at(path, 0);
        }
      }
      return joined;
    }
  }
}

/** How a value reads inside text: strings as they are, nothing for `null`/`undefined`, other values as JSON. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
