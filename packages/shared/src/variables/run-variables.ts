import { utf8Length } from '../compile/compile-limits.ts';

// Free of zod on purpose: the interpreter (packages/runtime/src/temporal/workflows/steps/data.set-variables.step.ts)
// applies operations with this code, and what workflow code imports must stay small (see runs/step-state.ts).

/** The types a run variable may be declared with (docs/architecture.md, "Run variables"). Persisted: never rename one. */
export const variableTypes = [
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'string-array',
  'number-array',
  'boolean-array',
  'object-array',
] as const;
export type VariableType = (typeof variableTypes)[number];

/** A run variable as the workflow declares it; without a default it starts unset. */
export interface VariableDeclaration {
  name: string;
  type: VariableType;
  default?: unknown;
}

/** `set` replaces, `unset` removes; `append` concatenates a string or a list, `push` adds one item, `remove` drops equal items. */
export const variableOperations = ['set', 'unset', 'append', 'push', 'remove'] as const;
export type VariableOperation = (typeof variableOperations)[number];

/** How many variables a workflow declares, how large one may grow (its value as JSON, in UTF-8 bytes), and all together. */
export const variableLimits = { count: 50, bytes: 16 * 1024, totalBytes: 64 * 1024 } as const;

/** A name readable as `vars.<name>` in JSONata without quoting. */
export const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The item type of a list type (null: any JSON), or undefined for a type that is not a list. */
function itemTypeOf(type: VariableType): VariableType | null | undefined {
  if (type === 'array') return null;
  if (type.endsWith('-array')) return type.slice(0, -'-array'.length) as VariableType;
  return undefined;
}

export const isListType = (type: VariableType) => itemTypeOf(type) !== undefined;

/** Why `value` is not a value of `type`, or null when it is. */
export function variableValueProblem(type: VariableType, value: unknown): string | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'object':
      return isPlainObject(value) ? null : 'must be an object';
    default: {
      if (!Array.isArray(value)) return 'must be a list';
      const item = itemTypeOf(type);
      const bad = item ? value.findIndex((entry) => variableValueProblem(item, entry) !== null) : -1;
      return bad < 0 ? null : `must be a list of ${item}s (item ${bad} is not)`;
    }
  }
}

/** Why `op` does not apply to a variable of `type` (checked by compile, and again at run time), or null. */
export function operationProblem(type: VariableType, op: VariableOperation): string | null {
  if (op === 'append' && type !== 'string' && !isListType(type))
    return `"append" needs a string or list; it is ${type}`;
  if ((op === 'push' || op === 'remove') && !isListType(type)) return `"${op}" needs a list; it is ${type}`;
  return null;
}

/** Why `value` cannot be the operand of `op` on a variable of `type` (a list for `append`, an item for `push`), or null. */
export function operandProblem(type: VariableType, op: VariableOperation, value: unknown): string | null {
  if (op === 'unset') return null;
  if (op === 'set' || op === 'append') return variableValueProblem(type, value);
  const item = itemTypeOf(type);
  return item ? variableValueProblem(item, value) : null;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    );
  }
  return false;
}

/** The size that counts against `variableLimits.bytes`: the value as JSON, in UTF-8 bytes. */
export const variableBytes = (value: unknown) => (value === undefined ? 0 : utf8Length(JSON.stringify(value)));

export type VariableResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Applies one operation to a variable's current value (`undefined`: unset, which `append` and `push` read as empty).
 * The result is `undefined` when the variable is unset. A wrong type or a value over the size limit is a message.
 */
export function applyVariableOperation(
  declaration: VariableDeclaration,
  current: unknown,
  op: VariableOperation,
  value: unknown,
): VariableResult {
  const { name, type } = declaration;
  const fail = (problem: string): VariableResult => ({ ok: false, message: `variable "${name}": ${problem}` });
  const wrongOp = operationProblem(type, op);
  if (wrongOp) return fail(wrongOp);
  if (op === 'unset') return { ok: true, value: undefined };
  if (value === undefined) return fail(`"${op}" got no value (the expression matched nothing)`);
  const wrongOperand = operandProblem(type, op, value);
  if (wrongOperand) return fail(`the ${op === 'push' || op === 'remove' ? 'item' : 'value'} ${wrongOperand}`);
  let next: unknown;
  if (op === 'set') next = value;
  else if (op === 'append' && type === 'string') next = (typeof current === 'string' ? current : '') + String(value);
  else {
    const list = Array.isArray(current) ? current : [];
    if (op === 'append') next = [...list, ...(value as unknown[])];
    else if (op === 'push') next = [...list, value];
    else next = list.filter((item) => !jsonEqual(item, value));
  }
  const bytes = variableBytes(next);
  if (bytes > variableLimits.bytes) {
    return fail(`it would hold ${bytes} bytes of JSON; a variable holds at most ${variableLimits.bytes}`);
  }
  return { ok: true, value: next };
}

/** Why the run's variables together are too large (over `variableLimits.totalBytes`), or null. */
export function variablesTotalProblem(vars: Readonly<Record<string, unknown>>): string | null {
  const bytes = variableBytes(vars);
  return bytes > variableLimits.totalBytes
    ? `the run's variables would hold ${bytes} bytes of JSON together; at most ${variableLimits.totalBytes}`
    : null;
}

/** The variables a run starts with: each declared default (unset when none). */
export function initialVariables(declarations: readonly VariableDeclaration[] | undefined): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const declaration of declarations ?? []) {
    if (declaration.default !== undefined) vars[declaration.name] = declaration.default;
  }
  return vars;
}
