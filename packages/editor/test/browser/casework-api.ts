import type { Role } from '@casework/shared';
import type { BrowserContext } from 'playwright-core';
import { caseworkUrl } from './browser.ts';

/** The API key of the running stack; `npm test` sets it (it is also in the data dir's `api-key`). */
export function caseworkApiKey(): string {
  const key = process.env.CASEWORK_API_KEY;
  if (!key) {
    throw new Error(
      'CASEWORK_API_KEY is not set. Run the browser tests through `npm test`, or set it to the key `npm start` printed.',
    );
  }
  return key;
}

/**
 * Calls the running API as a test's own setup or check: JSON in and out (`headers` added, an Idempotency-Key say),
 * failing loudly on any error.
 */
export async function apiRequest<T = { data: Record<string, unknown> & { id: string } }>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(new URL(`/api/v1${path}`, caseworkUrl()), {
    method,
    headers: {
      authorization: `Bearer ${caseworkApiKey()}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

/**
 * A new user of `role`, made through the API with the stack's key. Every signed-in context gets a user of its own:
 * the api allows 10 sign-ins per address in 5 minutes, successful or not.
 */
export async function createTestUser(role: Role = 'admin'): Promise<TestUser> {
  const email = `browser-${role}-${uniqueSuffix().toLowerCase()}-${Date.now()}@example.com`;
  const password = `browser test ${uniqueSuffix()} ${Date.now()}`;
  const { data } = await apiRequest('POST', '/users', {
    data: { attributes: { 'email-address': email, name: `Browser ${role}`, password, role } },
  });
  return { id: data.id, email, password, role };
}

export interface SignedInSession {
  /** The `casework_session` cookie's value. */
  token: string;
  /** What writes made with the cookie send as `X-CSRF-Token`. */
  csrfToken: string;
}

/** Signs in from node as the editor does (`POST /api/v1/sessions`); fails loudly unless the api answers 201. */
export async function createSession(email: string, password: string): Promise<SignedInSession> {
  const response = await fetch(new URL('/api/v1/sessions', caseworkUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ data: { attributes: { 'email-address': email, password } } }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`signing in as ${email} answered ${response.status}: ${text}`);
  const token = /(?:^|;\s*)casework_session=([^;]+)/.exec(response.headers.getSetCookie().join('; '))?.[1];
  if (!token) throw new Error(`signing in as ${email} set no casework_session cookie`);
  const csrfToken = (JSON.parse(text) as { data: { attributes: { 'csrf-token': string } } }).data.attributes[
    'csrf-token'
  ];
  return { token, csrfToken };
}

/** Ends a session from node, as Sign out does: the browser holding its cookie is signed out at its next request. */
export async function endSession({ token, csrfToken }: SignedInSession): Promise<void> {
  const response = await fetch(new URL('/api/v1/session', caseworkUrl()), {
    method: 'DELETE',
    headers: { cookie: `casework_session=${token}`, 'x-csrf-token': csrfToken },
  });
  if (response.status !== 204) throw new Error(`ending the session answered ${response.status}`);
}

/** Gives the browser context the session cookie, as signing in through the sign-in screen would. */
export async function addSessionCookie(context: BrowserContext, { token }: SignedInSession): Promise<void> {
  await context.addCookies([
    { name: 'casework_session', value: token, url: caseworkUrl(), httpOnly: true, sameSite: 'Strict' },
  ]);
}

/**
 * Signs the browser context in without the sign-in screen: a new user of `role` (admin unless said otherwise),
 * signed in from node, its session cookie added to the context. Resolves the user and session.
 */
export async function signInContext(
  context: BrowserContext,
  role: Role = 'admin',
): Promise<{ user: TestUser; session: SignedInSession }> {
  const user = await createTestUser(role);
  const session = await createSession(user.email, user.password);
  await addSessionCookie(context, session);
  return { user, session };
}

/** The admin `npm start` printed (`npm test` passes it as CASEWORK_ADMIN_EMAIL / CASEWORK_ADMIN_PASSWORD). */
export function stackAdmin(): { email: string; password: string } {
  const email = process.env.CASEWORK_ADMIN_EMAIL;
  const password = process.env.CASEWORK_ADMIN_PASSWORD;
  if (!email || !password) {
    throw new Error(
      'CASEWORK_ADMIN_EMAIL / CASEWORK_ADMIN_PASSWORD are not set. Run the browser tests through `npm test`, or ' +
        'set them to the admin `npm start` printed.',
    );
  }
  return { email, password };
}

/** A short random suffix (upper-case letters) for names and template keys that must be unique per test run. */
export function uniqueSuffix(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}
