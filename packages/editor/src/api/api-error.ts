import {
  errorDocumentSchema,
  workflowPublishErrorMetaSchema,
  type ApiError,
  type WorkflowIssue,
} from '@casework/shared';

/** How a request failed: the API answered with an error, nothing answered, or the answer made no sense. */
export type ApiFailureKind = 'http' | 'network' | 'invalid-response';

/** Passed as `status` when no HTTP answer arrived at all. */
export const NO_STATUS = 0;

/**
 * A failed API request, with what the user should read: one message per error of the API's error document
 * (`details`, and where it points), the HTTP status, and the compiler's issues when publishing was refused.
 */
export class ApiRequestError extends Error {
  readonly kind: ApiFailureKind;
  readonly status: number;
  /** The API's error titles and details, one line per error; never empty. */
  readonly messages: readonly string[];
  readonly errors: readonly ApiError[];
  /** `meta.issues` of a 422 on publish (warnings included); empty otherwise. */
  readonly issues: readonly WorkflowIssue[];
  readonly requestId: string | null;

  constructor(init: {
    kind: ApiFailureKind;
    status: number;
    messages: readonly string[];
    errors?: readonly ApiError[];
    issues?: readonly WorkflowIssue[];
    requestId?: string | null;
  }) {
    super(init.messages.join('\n'));
    this.name = 'ApiRequestError';
    this.kind = init.kind;
    this.status = init.status;
    this.messages = init.messages;
    this.errors = init.errors ?? [];
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export const isApiRequestError = (error: unknown): error is ApiRequestError => error instanceof ApiRequestError;

const statusTitles: Record<number, string> = {
  400: 'The request was malformed',
  401: 'You are not signed in, or your session has ended',
  403: 'You may not do this',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
  422: 'The request was refused',
  429: 'Too many requests: try again in a moment',
  500: 'The API failed',
  502: 'The API is unreachable (bad gateway)',
  503: 'The API is unavailable',
};

/**
 * Reads an error answer: the API's `{ errors: [{ title, details, source }], meta? }` document when it is one,
 * otherwise a message from the status (a proxy's HTML page, an empty body).
 */
export function parseApiError(status: number, body: unknown, requestId: string | null = null): ApiRequestError {
  const document = errorDocumentSchema.safeParse(body);
  if (!document.success) {
    const title = statusTitles[status] ?? `The API answered HTTP ${status}`;
    return new ApiRequestError({ kind: 'http', status, messages: [`${title} (HTTP ${status}).`], requestId });
  }
  const { errors, meta } = document.data;
  const issues = workflowPublishErrorMetaSchema.safeParse(meta);
  return new ApiRequestError({
    kind: 'http',
    status,
    messages: errors.map(describeError),
    errors,
    issues: issues.success ? issues.data.issues : [],
    requestId,
  });
}

/** `details`, with where it points when the details don't already say so. */
function describeError(error: ApiError): string {
  const where = error.source?.pointer ?? error.source?.parameter ?? error.source?.header;
  const text = error.details.trim() === '' ? error.title : error.details;
  return where === undefined || where === '' || text.includes(where) ? text : `${text} (at ${where})`;
}

export function networkError(cause: unknown): ApiRequestError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiRequestError({
    kind: 'network',
    status: NO_STATUS,
    messages: [`Cannot reach the API (${reason}). Is \`npm start\` running?`],
  });
}

export function invalidResponse(status: number, problem: string, requestId: string | null = null): ApiRequestError {
  return new ApiRequestError({
    kind: 'invalid-response',
    status,
    messages: [`The API's answer was not what the editor expected: ${problem}`],
    requestId,
  });
}
