import { expressionsOf } from './expression-template.ts';

/** A string inside a JSON value that holds expressions, with its JSON pointer. */
export interface ExpressionString {
  path: string;
  text: string;
  expressions: { source: string; offset: number }[];
  /** Set when a `{{` is never closed. */
  unterminatedAt: number | null;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every string in `value` containing `{{`, depth-first in key order, with JSON pointers below `base`. */
export function expressionStrings(value: unknown, base = ''): ExpressionString[] {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return [];
    const expressions = expressionsOf(value);
    const open = value.lastIndexOf('{{');
    const unterminatedAt = value.indexOf('}}', open + 2) < 0 ? open : null;
    return [{ path: base, text: value, expressions, unterminatedAt }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => expressionStrings(item, `${base}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => expressionStrings(item, `${base}/${escape(key)}`));
  }
  return [];
}
