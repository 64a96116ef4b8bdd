import { expressionsOf } from './expression-template.ts';

/** A string inside a JSON value that holds expressions, with its JSON pointer. */
export interface ExpressionString {
  path: string;
  text: string;
  expressions: { source: string; offset: number }[];
  /** Set when a `{{` is never closed. */
  unterminatedAt: number | null;
}

/** Escapes `~` and `/` in one segment of a JSON pointer. */
export const escapePointerSegment = (segment: string) =>
  segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;

/** Every string in `value` containing `{{`, depth-first in key order, with JSON pointers below `base`. */
export function expressionStrings(value: unknown, base = ''): ExpressionString[] {
  const found: ExpressionString[] = [];
  collect(value, base, found);
  return found;
}

// One accumulator, no per-level arrays: compile walks every node's params on each (re)compile.
function collect(value: unknown, path: string, found: ExpressionString[]): void {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return;
    const open = value.lastIndexOf('{{');
    const unterminatedAt = value.indexOf('}}', open + 2) < 0 ? open : null;
    found.push({ path, text: value, expressions: expressionsOf(value), unterminatedAt });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) collect(value[index], `${path}/${index}`, found);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      collect((value as Record<string, unknown>)[key], `${path}/${escapePointerSegment(key)}`, found);
    }
  }
}
