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

/** Calls the running API as a test's own setup or check: JSON in and out, failing loudly on any error. */
export async function apiRequest<T = { data: Record<string, unknown> & { id: string } }>(
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(new URL(`/api/v1${path}`, caseworkUrl()), {
    method,
    headers: {
      authorization: `Bearer ${caseworkApiKey()}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Signs the browser context in without the sign-in screen: the key the editor keeps in localStorage. */
export async function signInContext(context: BrowserContext, key = caseworkApiKey()): Promise<void> {
  await context.addInitScript((apiKey) => {
    if (window.localStorage.getItem('casework.api-key') === null)
      window.localStorage.setItem('casework.api-key', apiKey);
  }, key);
}

/** A short random suffix (upper-case letters) for names and template keys that must be unique per test run. */
export function uniqueSuffix(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}
