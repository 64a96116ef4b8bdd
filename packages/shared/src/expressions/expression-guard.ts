import jsonata from 'jsonata';
import { boundedCache } from './bounded-cache.ts';
import { errorDetails, ExpressionError } from './expression-error.ts';
import { evaluateFast } from './expression-fast-path.ts';

/**
 * Bounds on one evaluation — of one expression, or of every expression in one step's parameters together — counted
 * rather than timed so a replayed workflow fails (or not) the same way: evaluation steps (jsonata's `evaluate`
 * entries: an endless loop or tail recursion), nesting of evaluations (recursion), items in a sequence
 * (`[1..10000000]`), characters of one string or bytes of a result, and `allocation`: the characters and items of
 * every string and array the evaluation produces, so a loop building many big values fails long before it fills
 * the worker's memory. Together they keep the worst evaluation to about a second of CPU on a slow machine.
 */
export const expressionLimits = {
  steps: 100_000,
  depth: 500,
  sequenceItems: 100_000,
  resultBytes: 1_000_000,
  allocation: 20_000_000,
} as const;

/** What an evaluation has spent; shared by the expressions of one step so their sum is bounded too. */
export interface EvaluationBudget {
  steps: number;
  allocated: number;
}

export const newBudget = (): EvaluationBudget => ({ steps: 0, allocated: 0 });

// jsonata calls these (found by symbol in the expression's environment) around every evaluation step.
const evaluateEntry = Symbol.for('jsonata.__evaluate_entry') as unknown as string;
const evaluateExit = Symbol.for('jsonata.__evaluate_exit') as unknown as string;

const limitMessages: Record<string, string> = {
  'steps-exceeded': `the expression took more than ${expressionLimits.steps} evaluation steps (an endless loop?)`,
  'depth-exceeded': `the expression nested deeper than ${expressionLimits.depth} levels (endless recursion?)`,
  'size-exceeded': `a string grew beyond ${expressionLimits.resultBytes} characters`,
  'allocation-exceeded':
    `the expression built more than ${expressionLimits.allocation} characters and items in all ` +
    '(strings or lists growing in a loop?)',
  // jsonata's own codes for sequences: the range operator's hard limit, and the `sequence` option.
  D2014: `a sequence would hold more than ${expressionLimits.sequenceItems} items`,
  D2015: `a sequence would hold more than ${expressionLimits.sequenceItems} items`,
};

const limitExceeded = (code: string) => ({ code, message: limitMessages[code] });

/**
 * jsonata built-ins that can build a huge value in one call, before the exit hook sees it: `$pad` (any width),
 * `$join` (all its strings at once) and `$string` (shared parts of a value written out again and again). Each is
 * replaced by a wrapper that checks the size first and then calls jsonata's own function, with its own signature.
 */
type Builtin = { implementation: (...args: unknown[]) => unknown };
const boundedBuiltins: Record<string, { signature: string; tooBig: (args: unknown[]) => boolean }> = {
  pad: {
    signature: '<s-ns?:s>',
    tooBig: ([, width]) => typeof width === 'number' && Math.abs(width) > expressionLimits.resultBytes,
  },
  join: {
    signature: '<a<s>s?:s>',
    tooBig: ([strings, separator]) => {
      if (!Array.isArray(strings)) return false;
      const between = typeof separator === 'string' ? separator.length : 0;
      let length = 0;
      for (const item of strings) {
        length += (typeof item === 'string' ? item.length : 0) + between;
        if (length > expressionLimits.resultBytes) return true;
      }
      return false;
    },
  },
  string: {
    signature: '<x-b?:s>',
    tooBig: ([value]) => !fitsInJson(value, expressionLimits.resultBytes),
  },
};

/** Whether `value` written as JSON could stay within `max` characters (counted while walking, so it stops early). */
function fitsInJson(value: unknown, max: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    size += typeof item === 'string' ? item.length + 2 : 1;
    if (size > max) return false;
    if (item !== null && typeof item === 'object') {
      const children = Array.isArray(item) ? item : Object.values(item);
      size += children.length;
      if (size > max) return false;
      for (const child of children) stack.push(child);
    }
  }
  return true;
}

// jsonata's own implementations, read once (an evaluation is the only way to reach them) by the first guarded call.
let builtins: Promise<Record<string, Builtin>> | null = null;
const loadBuiltins = () =>
  (builtins ??= jsonata(
    `{${Object.keys(boundedBuiltins)
      .map((name) => `"${name}": $${name}`)
      .join(', ')}}`,
  ).evaluate({}) as Promise<Record<string, Builtin>>);

interface Guarded {
  evaluate(input: unknown, bindings: Record<string, unknown> | undefined, budget: EvaluationBudget): Promise<unknown>;
}

/**
 * Parses `source` and counts each evaluation's steps, depth and allocation in jsonata's entry/exit hooks (the
 * mechanism of jsonata's own test suite), into the budget of the evaluation running it. The depth lives in the
 * expression, so it must run one evaluation at a time.
 */
function guard(source: string, originals: Record<string, Builtin>): Guarded {
  const expression = jsonata(source, { sequence: expressionLimits.sequenceItems });
  let budget = newBudget();
  let depth = 0;
  expression.assign(evaluateEntry, () => {
    budget.steps += 1;
    depth += 1;
    if (budget.steps > expressionLimits.steps) throw limitExceeded('steps-exceeded');
    if (depth > expressionLimits.depth) throw limitExceeded('depth-exceeded');
  });
  expression.assign(evaluateExit, (_expr: unknown, _input: unknown, _env: unknown, result: unknown) => {
    depth -= 1;
    if (typeof result === 'string') {
      if (result.length > expressionLimits.resultBytes) throw limitExceeded('size-exceeded');
      budget.allocated += result.length;
    } else if (Array.isArray(result)) {
      budget.allocated += result.length;
    }
    if (budget.allocated > expressionLimits.allocation) throw limitExceeded('allocation-exceeded');
  });
  for (const [name, { signature, tooBig }] of Object.entries(boundedBuiltins)) {
    const original = originals[name];
    if (!original) continue;
    expression.registerFunction(
      name,
      function (this: unknown, ...args: unknown[]) {
        if (tooBig(args)) throw limitExceeded('size-exceeded');
        return original.implementation.apply(this, args);
      },
      signature,
    );
  }
  return {
    evaluate: (input, bindings, evaluationBudget) => {
      budget = evaluationBudget;
      depth = 0;
      return expression.evaluate(input, bindings);
    },
  };
}

type Prepared =
  { ok: true; expression: Guarded } | { ok: false; message: string; code: string | null; position: number | null };

function prepare(source: string, originals: Record<string, Builtin>): Prepared {
  if (source.trim() === '') return { ok: false, message: 'empty expression', code: null, position: 0 };
  try {
    return { ok: true, expression: guard(source, originals) };
  } catch (error) {
    return { ok: false, ...errorDetails(error) };
  }
}

const toError = (details: { message: string; code: string | null; position: number | null }) =>
  new ExpressionError(limitMessages[details.code ?? ''] ?? details.message, details);

/**
 * Parsed expressions by source. An evaluation takes its expression out and puts it back when done, so an
 * evaluation running at the same time parses its own copy: counters and jsonata's `$now()` timestamp (kept in
 * the expression) are never shared, and the cache only saves time, never changes a result.
 */
const prepared = boundedCache<string, Prepared>(1_000);

/**
 * Evaluates JSONata `source` against `input` within `expressionLimits`, spending from `budget` (by default one of its
 * own); the raw jsonata result.
 */
export async function evaluateGuarded(
  source: string,
  input: unknown,
  bindings?: Record<string, unknown>,
  budget: EvaluationBudget = newBudget(),
): Promise<unknown> {
  if (!bindings) {
    const fast = evaluateFast(source, input, expressionLimits.resultBytes);
    if (fast.handled) return fast.value;
  }
  const entry = prepared.take(source) ?? prepare(source, await loadBuiltins());
  try {
    if (!entry.ok) throw toError(entry);
    return await entry.expression.evaluate(input, bindings, budget);
  } catch (error) {
    throw error instanceof ExpressionError ? error : toError(errorDetails(error));
  } finally {
    prepared.set(source, entry);
  }
}
