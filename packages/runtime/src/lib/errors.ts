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

export class NotFoundError extends DomainError {
  readonly title = 'Not Found';
}

export class ConflictError extends DomainError {
  readonly title = 'Conflict';
}

export class UnprocessableError extends DomainError {
  readonly title = 'Unprocessable Entity';
  /** Every problem found, each with its JSON pointer; the error handler sends one API error per issue. */
  readonly issues: { pointer?: string; message: string }[];
  constructor(message: string, pointer?: string, issues?: { pointer?: string; message: string }[]) {
    super(message, pointer);
    this.issues = issues ?? [{ message, ...(pointer ? { pointer } : {}) }];
  }

  static fromIssues(issues: { pointer?: string; message: string }[]): UnprocessableError {
    const [first] = issues;
    return new UnprocessableError(first?.message ?? 'Invalid request', first?.pointer, issues);
  }
}

export class DependencyUnavailableError extends DomainError {
  readonly title = 'Service Unavailable';
}
