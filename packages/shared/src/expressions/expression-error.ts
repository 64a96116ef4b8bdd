/** An expression that could not be evaluated: a syntax or runtime error, or a limit exceeded. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  /** JSON pointer of the string inside the evaluated value (`''` for a bare expression). */
  readonly path: string;
  /** The JSONata error code (`T2002`, `D2015`…), a limit's code (`steps-exceeded`…), or null. */
  readonly code: string | null;
  /** Character offset of the error in the expression (or, for a value, in its string), when known. */
  readonly position: number | null;

  constructor(message: string, details: { path?: string; code?: string | null; position?: number | null } = {}) {
    super(message);
    this.path = details.path ?? '';
    this.code = details.code ?? null;
    this.position = details.position ?? null;
  }

  /** The same error found in the string at `path`, its position shifted by the expression's `offset` there. */
  at(path: string, offset: number): ExpressionError {
    const position = this.position === null ? null : this.position + offset;
    const message = path === '' ? this.message : `${path}: ${this.message}`;
    return new ExpressionError(message, { path, code: this.code, position });
  }
}

/** What jsonata throws: plain objects (`{ code, position, message }`), or Errors from the host. */
export function errorDetails(error: unknown): { message: string; code: string | null; position: number | null } {
  const details = (error !== null && typeof error === 'object' ? error : {}) as Record<string, unknown>;
  return {
    message: typeof details.message === 'string' ? details.message : String(error),
    code: typeof details.code === 'string' ? details.code : null,
    position: typeof details.position === 'number' ? details.position : null,
  };
}
