import { isApiRequestError } from '../api/api-error.ts';

/** What to tell the user about a failure: the API's messages, or the error's own message. */
export function describeError(error: unknown): string {
  if (isApiRequestError(error)) return error.messages.join(' ');
  return error instanceof Error ? error.message : String(error);
}

/** Whether the failure is the caller's own abort (a page left, a request superseded): nothing to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
