import { isApiRequestError } from '../api/api-error.ts';
import { describeError } from '../ui/describe-error.ts';

/** What the sign-in screen says when signing in failed. */
export function signInProblem(failure: unknown): string {
  if (!isApiRequestError(failure)) return describeError(failure);
  switch (failure.status) {
    case 401:
      return 'Wrong email address or password (or the account is disabled). Check them and try again.';
    case 429:
      // The api says how long to wait: "… try again in 212 s."
      return `Too many sign-in attempts for this email address. ${failure.messages.join(' ')}`;
    case 400:
      return failure.errors.some((error) => error.source?.pointer === '/data/attributes/email-address')
        ? 'That is not an email address. Check it and try again.'
        : describeError(failure);
    default:
      return describeError(failure);
  }
}
