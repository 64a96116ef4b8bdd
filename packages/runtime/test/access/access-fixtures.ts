import type { Role } from '@casework/shared';
import type { TestApp } from '../helpers/test-app.ts';

export const PASSWORD = 'a long enough passphrase';

/** Creates a user through the API (as the configured admin key) and resolves its id. */
export async function createUser(t: TestApp, role: Role, email = `${role}-${Date.now()}@example.com`) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: t.auth,
    payload: { data: { attributes: { 'email-address': email, password: PASSWORD, role } } },
  });
  if (response.statusCode !== 201) throw new Error(`creating a ${role} user: ${response.body}`);
  return { id: (response.json() as { data: { id: string } }).data.id, email };
}

/** Creates an API key scoped to `role` and resolves its `Authorization` header. */
export async function createKey(t: TestApp, role: Role, name = `${role} key`) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: t.auth,
    payload: { data: { attributes: { name, role } } },
  });
  if (response.statusCode !== 201) throw new Error(`creating a ${role} key: ${response.body}`);
  const { id, attributes } = (response.json() as { data: { id: string; attributes: { key: string } } }).data;
  return { id, key: attributes.key, headers: { authorization: `Bearer ${attributes.key}` } };
}

/** Signs in; resolves the cookie header and the CSRF token a write needs. */
export async function signIn(t: TestApp, email: string, password = PASSWORD) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { data: { attributes: { 'email-address': email, password } } },
  });
  if (response.statusCode !== 201) throw new Error(`signing in as ${email}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'casework_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (response.json() as { data: { attributes: { 'csrf-token': string } } }).data.attributes['csrf-token'];
  return { response, cookie, headers: { cookie: `casework_session=${cookie.value}` }, csrf };
}
