/** A parameter string: plain text, one whole `{{ … }}` expression, or text with embedded expressions. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'expression'; source: string; offset: number };

export type ParsedTemplate =
  | { kind: 'literal'; text: string }
  | { kind: 'expression'; source: string; offset: number }
  | { kind: 'interpolation'; parts: TemplatePart[] }
  | { kind: 'unterminated'; offset: number };

/** Whether a string holds at least one `{{`, i.e. is meant as (or contains) an expression. */
export const hasExpression = (text: string) => text.includes('{{');

/**
 * Splits a string into text and `{{ … }}` parts. A string that is only one expression (surrounding
 * whitespace aside) evaluates to the expression's value; otherwise parts are joined as text.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return { kind: 'unterminated', offset: open };
    if (open > cursor) parts.push({ kind: 'text', text: text.slice(cursor, open) });
    parts.push({ kind: 'expression', source: text.slice(open + 2, close), offset: open + 2 });
    cursor = close + 2;
  }
  if (parts.length === 0) return { kind: 'literal', text };
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  const meaningful = parts.filter((part) => part.kind === 'expression' || part.text.trim() !== '');
  const [only] = meaningful;
  if (meaningful.length === 1 && only?.kind === 'expression') return only;
  return { kind: 'interpolation', parts };
}

/** The JSONata sources of a template string, with their offsets in it. */
export function expressionsOf(text: string): { source: string; offset: number }[] {
  const parsed = parseTemplate(text);
  switch (parsed.kind) {
    case 'literal':
    case 'unterminated':
      return [];
    case 'expression':
      return [{ source: parsed.source, offset: parsed.offset }];
    case 'interpolation':
      return parsed.parts.flatMap((part) => (part.kind === 'expression' ? [part] : []));
  }
}
