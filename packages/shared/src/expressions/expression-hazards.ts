import { expressionLimits } from './expression-guard.ts';
import type { JsonataAst } from './expression-parse.ts';

/**
 * The obvious ways an expression is bound to break its limits at run time (expression-guard.ts), found in its AST
 * at publish time so the designer hears about it before a run fails: a `$pad` to a literal width beyond the string
 * limit, a range of literal bounds beyond the sequence limit, and a function that calls itself with no condition on
 * the way (endless recursion). Everything subtler is left to the run-time limits.
 */
export function expressionHazards(ast: JsonataAst): string[] {
  const found: string[] = [];
  walk(ast as unknown as Node, found);
  return found;
}

/** Whether a source might hold a hazard at all; the others need no parse. */
export const mayHaveHazards = (source: string) =>
  source.includes('$pad') || source.includes('..') || source.includes('function') || source.includes('λ');

type Node = { type?: string; value?: unknown; [key: string]: unknown };

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object';
const literalNumber = (node: unknown) =>
  isNode(node) && node.type === 'number' && typeof node.value === 'number' ? node.value : null;

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

function walk(node: Node, found: string[]): void {
  if (node.type === 'function' && isNode(node.procedure) && node.procedure.value === 'pad') {
    const width = literalNumber((node.arguments as unknown[] | undefined)?.[1]);
    if (width !== null && Math.abs(width) > expressionLimits.resultBytes) {
      found.push(`$pad to ${width} characters always fails: strings are limited to ${expressionLimits.resultBytes}`);
    }
  }
  if (node.type === 'binary' && node.value === '..') {
    const [from, to] = [literalNumber(node.lhs), literalNumber(node.rhs)];
    if (from !== null && to !== null && to - from + 1 > expressionLimits.sequenceItems) {
      found.push(`[${from}..${to}] always fails: sequences are limited to ${expressionLimits.sequenceItems} items`);
    }
  }
  if (node.type === 'bind' && isNode(node.lhs) && node.lhs.type === 'variable' && isNode(node.rhs)) {
    const name = String(node.lhs.value);
    if (node.rhs.type === 'lambda' && isNode(node.rhs.body) && callsUnconditionally(node.rhs.body, name)) {
      found.push(`$${name} calls itself with no condition to stop: it recurses until a limit stops the run`);
    }
  }
  for (const child of children(node)) walk(child, found);
}

/** Whether evaluating `node` always calls `$name` (no condition, no other function in between). */
function callsUnconditionally(node: Node, name: string): boolean {
  if (node.type === 'condition') return false;
  if (node.type === 'lambda' && node.thunk !== true) return false;
  if (node.type === 'function' && isNode(node.procedure) && node.procedure.value === name) return true;
  // Operands of `and`/`or` may be skipped; the rest are always evaluated.
  if (node.type === 'binary' && (node.value === 'and' || node.value === 'or')) {
    return isNode(node.lhs) && callsUnconditionally(node.lhs, name);
  }
  return children(node).some((child) => callsUnconditionally(child, name));
}
