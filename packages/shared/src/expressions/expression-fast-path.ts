import jsonata from 'jsonata';
import { boundedCache } from './bounded-cache.ts';
import type { JsonataAst } from './expression-parse.ts';

/**
 * The commonest expressions answered without running jsonata, synchronously: paths of names (plain or backquoted:
 * `trigger.amount`, ``steps.`create-case`.case.name``), literals, comparisons, arithmetic, `&`, `and`/`or`, `? :` and
 * unary minus, read from jsonata's own AST. jsonata 2 evaluates every node with `await`, and inside Temporal's workflow
 * sandbox each promise costs a captured stack trace (the SDK's stack-trace query), so a condition such as
 * `trigger.amount >= 10000` cost the worker a millisecond or more; this costs microseconds and no promise at all.
 *
 * It answers only where the result is certainly jsonata's: anything else — arrays on a path (jsonata's sequences),
 * operands of mixed or non-JSON types, an error, a result past the limits — is `{ handled: false }` and goes to
 * jsonata, which then decides (and raises its own error). A property test compares both on random expressions.
 */
export type FastResult = { handled: true; value: unknown } | { handled: false };

const notHandled: FastResult = { handled: false };
/** Thrown inside the walk to give up; never escapes this module. */
const giveUp = Symbol('fast-path-gives-up');

/** Parsed ASTs by source (null: jsonata could not parse it; it will report the error itself). */
const asts = boundedCache<string, JsonataAst | null>(2_000);

function astOf(source: string): JsonataAst | null {
  const cached = asts.get(source);
  if (cached !== undefined) return cached;
  let ast: JsonataAst | null;
  try {
    ast = jsonata(source).ast();
  } catch {
    ast = null;
  }
  asts.set(source, ast);
  return ast;
}

/** `source` evaluated against `input` (an object of JSON values), or `{ handled: false }` when jsonata must decide. */
export function evaluateFast(source: string, input: unknown, maxStringLength: number): FastResult {
  if (source.trim() === '') return notHandled;
  const ast = astOf(source);
  if (ast === null) return notHandled;
  try {
    const value = evaluateNode(ast, input, maxStringLength);
    return { handled: true, value };
  } catch (error) {
    if (error === giveUp) return notHandled;
    throw error;
  }
}

// Node keys the walk understands; a node carrying any other (predicates, grouping, focus, …) goes to jsonata.
const allowedKeys: Record<string, readonly string[]> = {
  path: ['type', 'steps', 'position'],
  name: ['type', 'value', 'position'],
  number: ['type', 'value', 'position'],
  string: ['type', 'value', 'position'],
  value: ['type', 'value', 'position'],
  binary: ['type', 'value', 'position', 'lhs', 'rhs'],
  unary: ['type', 'value', 'position', 'expression'],
  condition: ['type', 'position', 'condition', 'then', 'else'],
};

type Node = { type: string; [key: string]: unknown };

function check(node: Node): void {
  const allowed = allowedKeys[node.type];
  if (!allowed) throw giveUp;
  for (const key of Object.keys(node)) if (!allowed.includes(key)) throw giveUp;
}

function evaluateNode(raw: unknown, input: unknown, maxStringLength: number): unknown {
  const node = raw as Node;
  check(node);
  const evaluate = (child: unknown) => evaluateNode(child, input, maxStringLength);
  switch (node.type) {
    case 'number':
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) throw giveUp;
      return node.value;
    case 'string':
    case 'value':
      return node.value;
    case 'path':
      return readPath(node.steps as Node[], input);
    case 'unary': {
      if (node.value !== '-') throw giveUp;
      const value = evaluate(node.expression);
      if (value === undefined) return undefined;
      if (typeof value !== 'number') throw giveUp;
      return -value;
    }
    case 'condition': {
      const test = evaluate(node.condition);
      if (castBooleanOfScalar(test)) return evaluate(node.then);
      return node.else === undefined ? undefined : evaluate(node.else);
    }
    case 'binary':
      return binary(String(node.value), evaluate(node.lhs), evaluate(node.rhs), maxStringLength);
    default:
      throw giveUp;
  }
}

/** A path of names from the input object; arrays (sequences to jsonata) and inherited names are jsonata's. */
function readPath(steps: Node[], input: unknown): unknown {
  let current = input;
  for (const step of steps) {
    check(step);
    if (step.type !== 'name' || typeof step.value !== 'string') throw giveUp;
    if (Array.isArray(current)) throw giveUp;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, step.value)) {
      if (step.value in current) throw giveUp;
      return undefined;
    }
    current = (current as Record<string, unknown>)[step.value];
  }
  if (current === undefined || Array.isArray(current) || typeof current === 'function') throw giveUp;
  return current;
}

const isScalar = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function binary(operator: string, lhs: unknown, rhs: unknown, maxStringLength: number): unknown {
  switch (operator) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      if (lhs === undefined || rhs === undefined) {
        // jsonata: nothing on either side is nothing, but only once both sides are numbers or nothing.
        if ((lhs === undefined || typeof lhs === 'number') && (rhs === undefined || typeof rhs === 'number')) {
          return undefined;
        }
        throw giveUp;
      }
      if (typeof lhs !== 'number' || typeof rhs !== 'number') throw giveUp;
      const result = arithmetic(operator, lhs, rhs);
      if (!Number.isFinite(result)) throw giveUp;
      return result;
    }
    case '=':
    case '!=': {
      if (lhs === undefined || rhs === undefined) return false;
      if (!isScalar(lhs) || !isScalar(rhs)) throw giveUp;
      return operator === '=' ? lhs === rhs : lhs !== rhs;
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const comparable = (value: unknown) =>
        value === undefined || typeof value === 'string' || typeof value === 'number';
      if (!comparable(lhs) || !comparable(rhs)) throw giveUp;
      if (lhs === undefined || rhs === undefined) return undefined;
      if (typeof lhs !== typeof rhs) throw giveUp;
      const [a, b] = [lhs as number | string, rhs as number | string];
      if (operator === '<') return a < b;
      if (operator === '<=') return a <= b;
      if (operator === '>') return a > b;
      return a >= b;
    }
    case '&': {
      const text = (value: unknown) => {
        if (value === undefined) return '';
        if (typeof value === 'string') return value;
        throw giveUp;
      };
      const joined = text(lhs) + text(rhs);
      if (joined.length > maxStringLength) throw giveUp;
      return joined;
    }
    case 'and':
      return castBooleanOfScalar(lhs) && castBooleanOfScalar(rhs);
    case 'or':
      return castBooleanOfScalar(lhs) || castBooleanOfScalar(rhs);
    default:
      throw giveUp;
  }
}

function arithmetic(operator: string, a: number, b: number): number {
  if (operator === '+') return a + b;
  if (operator === '-') return a - b;
  if (operator === '*') return a * b;
  if (operator === '/') return a / b;
  return a % b;
}

/** jsonata's truth of a value the walk produced (a scalar, a JSON object or nothing). */
function castBooleanOfScalar(value: unknown): boolean {
  if (value !== null && typeof value === 'object' && Array.isArray(value)) throw giveUp;
  return castBoolean(value);
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
