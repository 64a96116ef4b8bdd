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
}

export class DependencyUnavailableError extends DomainError {
  readonly title = 'Service Unavailable';
}
