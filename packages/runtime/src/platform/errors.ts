/**
 * Domain errors thrown by services. They know nothing of HTTP; the one error handler at the edge
 * maps each to a status code and the API's error format.
 */
export abstract class DomainError extends Error {
  abstract readonly title: string;
  constructor(
    message: string,
    /** JSON pointer into the request body, e.g. `/data/attributes/name`. */
    readonly pointer?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends DomainError {
  readonly title = 'Unauthorized';
}

/** Authenticated, but the role (or a missing CSRF token) does not allow this request. */
export class ForbiddenError extends DomainError {
  readonly title = 'Forbidden';
}

/** Too many attempts (e.g. sign-ins for one email address) in a window; `retryAfterSeconds` says when to retry. */
export class TooManyRequestsError extends DomainError {
  readonly title = 'Too Many Requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly title = 'Not Found';
}

export class ConflictError extends DomainError {
  readonly title = 'Conflict';
}

/** A write to a redacted case: final, unlike a conflict with a concurrent writer. */
export class CaseRedactedError extends ConflictError {}

/** One problem of a 422; `title` replaces the generic one when the problem has a stable code of its own. */
export interface UnprocessableIssue {
  pointer?: string;
  message: string;
  title?: string;
}

export class UnprocessableError extends DomainError {
  readonly title = 'Unprocessable Entity';
  /** Every problem found, each with its JSON pointer; the error handler sends one API error per issue. */
  readonly issues: UnprocessableIssue[];
  /** The error document's top-level `meta`, for machine-readable detail (e.g. the compiler's issue list). */
  meta?: Record<string, unknown>;
  constructor(message: string, pointer?: string, issues?: UnprocessableIssue[]) {
    super(message, pointer);
    this.issues = issues ?? [{ message, ...(pointer ? { pointer } : {}) }];
  }

  static fromIssues(issues: UnprocessableIssue[], meta?: Record<string, unknown>): UnprocessableError {
    const [first] = issues;
    const error = new UnprocessableError(first?.message ?? 'Invalid request', first?.pointer, issues);
    if (meta) error.meta = meta;
    return error;
  }
}

export class DependencyUnavailableError extends DomainError {
  readonly title = 'Service Unavailable';
}
