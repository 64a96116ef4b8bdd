// A signed-in browser session for the benches that open the web app (bench/editor.ts, bench/console.ts).
import { randomBytes } from 'node:crypto';
import type { Role } from '../../packages/shared/src/index.ts';
import type { CaseworkClient } from './casework-client.ts';

/**
 * Signs in as a new user of `role` (made with the API key), as packages/editor/test/browser/casework-api.ts does:
 * once, since the api allows 10 sign-ins per address in 5 minutes, and every repetition's context gets the session
 * cookie this resolves.
 */
export async function signInOnce(api: CaseworkClient, baseUrl: string, suffix: string, role: Role, name: string) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix.toLowerCase()}@example.com`;
  const password = randomBytes(18).toString('base64url');
  await api.expect(201, 'POST', '/users', {
    data: { attributes: { 'email-address': email, name, password, role } },
  });
  const response = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { attributes: { 'email-address': email, password } } }),
  });
  const token = /(?:^|;\s*)casework_session=([^;]+)/.exec(response.headers.getSetCookie().join('; '))?.[1];
  if (response.status !== 201 || !token) throw new Error(`signing in as ${email} answered ${response.status}`);
  return { name: 'casework_session', value: token, url: `${baseUrl}/`, httpOnly: true, sameSite: 'Strict' as const };
}

export type SessionCookie = Awaited<ReturnType<typeof signInOnce>>;
