import { sessionDocumentSchema, type SessionResource } from '@casework/shared';
import { createApiClient, noContent, type ApiClient } from '../api/api-client.ts';
import { isApiRequestError } from '../api/api-error.ts';

/** Who is signed in, as `GET /api/v1/session` says (packages/shared/src/api/access.dto.ts). */
export type SignedInUser = SessionResource['attributes'];

/**
 * The session of this browser's cookie (sent by the browser itself: same origin), or null when there is none or it
 * has ended (401). Any other failure (the api down) rejects.
 */
export async function fetchSession(baseUrl: string, signal?: AbortSignal): Promise<SessionResource | null> {
  try {
    const options = signal === undefined ? {} : { signal };
    return (await createApiClient({ baseUrl }).request('/session', sessionDocumentSchema, options)).data;
  } catch (error) {
    if (isApiRequestError(error) && error.status === 401) return null;
    throw error;
  }
}

/** Signs in: the api checks the email address and password and sets the HttpOnly session cookie. */
export async function createSession(baseUrl: string, email: string, password: string): Promise<SessionResource> {
  const body = { data: { attributes: { 'email-address': email, password } } };
  const client = createApiClient({ baseUrl });
  return (await client.request('/sessions', sessionDocumentSchema, { method: 'POST', body })).data;
}

/** Signs out: the api ends the session and clears the cookie. */
export async function endSession(client: ApiClient): Promise<void> {
  await client.request('/session', noContent, { method: 'DELETE' });
}
