import jsonata from 'jsonata';
import { errorDetails } from './expression-error.ts';

export type JsonataAst = ReturnType<jsonata.Expression['ast']>;

export type ExpressionParse =
  { ok: true; ast: JsonataAst } | { ok: false; message: string; position: number | null; code: string | null };

/** Parses JSONata source with jsonata's own parser; syntax errors come back as data with their position. */
export function parseExpression(source: string): ExpressionParse {
  if (source.trim() === '') return { ok: false, message: 'empty expression', position: 0, code: null };
  try {
    return { ok: true, ast: jsonata(source).ast() };
  } catch (error) {
    const { message, position, code } = errorDetails(error);
    return { ok: false, message, position, code };
  }
}
