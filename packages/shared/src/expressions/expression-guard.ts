import jsonata from 'jsonata';
import { boundedCache } from './bounded-cache.ts';
import { errorDetails, ExpressionError } from './expression-error.ts';
import { evaluateFast } from './expression-fast-path.ts';

/**
 * Bounds on one evaluation, counted rather than timed so a replayed workflow fails (or not) the same way:
 * evaluation steps (jsonata's `evaluate` entries: an endless loop or tail recursion), nesting of evaluations
 * (recursion), items in a sequence (`[1..10000000]`), and characters of a string or bytes of a result.
 */
export const expressionLimits = {
  steps: 100_000,
  depth: 500,
  sequenceItems: 100_000,
  resultBytes: 1_000_000,
} as const;

// jsonata calls these (found by symbol in the expression's environment) around every evaluation step.
const evaluateEntry = Symbol.for('jsonata.__evaluate_entry') as unknown as string;
const evaluateExit = Symbol.for('jsonata.__evaluate_exit') as unknown as string;

const limitMessages: Record<string, string> = {
  'steps-exceeded': `the expression took more than ${expressionLimits.steps} evaluation steps (an endless loop?)`,
  'depth-exceeded': `the expression nested deeper than ${expressionLimits.depth} levels (endless recursion?)`,
  'size-exceeded': `a string grew beyond ${expressionLimits.resultBytes} characters`,
  // jsonata's own codes for sequences: the range operator's hard limit, and the `sequence` option.
  D2014: `a sequence would hold more than ${expressionLimits.sequenceItems} items`,
  D2015: `a sequence would hold more than ${expressionLimits.sequenceItems} items`,
};

const limitExceeded = (code: string) => ({ code, message: limitMessages[code] });

interface Guarded {
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

/**
 * Parses `source` and counts each evaluation's steps and depth in jsonata's entry/exit hooks (the mechanism of
 * jsonata's own test suite). The counters live in the expression, so it must run one evaluation at a time.
 */
function guard(source: string): Guarded {
  const expression = jsonata(source, { sequence: expressionLimits.sequenceItems });
  let steps = 0;
  let depth = 0;
  expression.assign(evaluateEntry, () => {
    steps += 1;
    depth += 1;
    if (steps > expressionLimits.steps) throw limitExceeded('steps-exceeded');
    if (depth > expressionLimits.depth) throw limitExceeded('depth-exceeded');
  });
  expression.assign(evaluateExit, (_expr: unknown, _input: unknown, _env: unknown, result: unknown) => {
    depth -= 1;
    if (typeof result === 'string' && result.length > expressionLimits.resultBytes) {
      throw limitExceeded('size-exceeded');
    }
  });
  return {
    evaluate: (input, bindings) => {
      steps = 0;
      depth = 0;
      return expression.evaluate(input, bindings);
    },
  };
}

type Prepared =
  { ok: true; expression: Guarded } | { ok: false; message: string; code: string | null; position: number | null };

function prepare(source: string): Prepared {
  if (source.trim() === '') return { ok: false, message: 'empty expression', code: null, position: 0 };
  try {
    return { ok: true, expression: guard(source) };
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

/** Evaluates JSONata `source` against `input` within `expressionLimits`; the raw jsonata result. */
export async function evaluateGuarded(
  source: string,
  input: unknown,
  bindings?: Record<string, unknown>,
): Promise<unknown> {
  if (!bindings) {
    const fast = evaluateFast(source, input, expressionLimits.resultBytes);
    if (fast.handled) return fast.value;
  }
  const entry = prepared.take(source) ?? prepare(source);
  try {
    if (!entry.ok) throw toError(entry);
    return await entry.expression.evaluate(input, bindings);
  } catch (error) {
    throw error instanceof ExpressionError ? error : toError(errorDetails(error));
  } finally {
    prepared.set(source, entry);
  }
}
