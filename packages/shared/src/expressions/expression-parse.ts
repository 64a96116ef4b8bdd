import jsonata from 'jsonata';

export type JsonataAst = ReturnType<jsonata.Expression['ast']>;

export type ExpressionParse =
  { ok: true; ast: JsonataAst } | { ok: false; message: string; position: number | null; code: string | null };

/** Parses JSONata source with jsonata's own parser; syntax errors come back as data with their position. */
export function parseExpression(source: string): ExpressionParse {
  if (source.trim() === '') return { ok: false, message: 'empty expression', position: 0, code: null };
  try {
    return { ok: true, ast: jsonata(source).ast() };
  } catch (error) {
    const details = error as Partial<jsonata.JsonataError>;
    return {
      ok: false,
      message: typeof details.message === 'string' ? details.message : String(error),
      position: typeof details.position === 'number' ? details.position : null,
      code: typeof details.code === 'string' ? details.code : null,
    };
  }
}
