import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createUser, PASSWORD, signIn } from './access-fixtures.ts';

const queue = { data: { attributes: { name: 'Escalations' } } };

describe('signing in to the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('sets an HttpOnly, SameSite=Strict session cookie and says who is signed in', async () => {
    const { email, id } = await createUser(t, 'designer');
    const { response, cookie, headers, csrf } = await signIn(t, email.toUpperCase());
    expect(response.statusCode).toBe(201);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 12 * 3600 });
    expect(cookie.value).not.toContain(PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().data.attributes).toMatchObject({
      'actor-type': 'user',
      'actor-id': id,
      'email-address': email,
      role: 'designer',
      'csrf-token': expect.any(String),
    });
    expect(csrf).toEqual(expect.any(String));
  });

  it('refuses a cookie-authenticated write without the CSRF token, and takes it with one', async () => {
    const { email } = await createUser(t, 'designer');
    const { headers, csrf } = await signIn(t, email);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/case-queues', headers, payload: queue });
    expect(expectApiError(without, 403)[0]?.details).toMatch(/CSRF token/);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/case-queues',
      headers: { ...headers, 'x-csrf-token': 'forged' },
      payload: queue,
    });
    expectApiError(forged, 403);
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/case-queues',
      headers: { ...headers, 'x-csrf-token': csrf },
      payload: queue,
    });
    expect(withToken.statusCode).toBe(201);
    // Reads need no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/case-queues', headers })).statusCode).toBe(200);
  });

  it('records the signed-in user as the actor of what they change', async () => {
    const { email, id } = await createUser(t, 'reviewer');
    const designer = await createUser(t, 'designer');
    const setup = await signIn(t, designer.email);
    const template = await t.app.inject({
      method: 'POST',
      url: '/api/v1/case-templates',
      headers: { ...setup.headers, 'x-csrf-token': setup.csrf },
      payload: {
        data: {
          attributes: {
            name: 'KYC review',
            key: 'KYC',
            statuses: [
              { name: 'open', type: 'initial' },
              { name: 'approved', type: 'end' },
            ],
          },
        },
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    const { headers, csrf } = await signIn(t, email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...headers, 'x-csrf-token': csrf },
      payload: { data: { attributes: { 'case-template-id': template.json().data.id } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().data.attributes).toMatchObject({ 'creator-id': id, 'creator-type': 'user' });
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const { email } = await createUser(t, 'viewer');
    const attempt = (address: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { data: { attributes: { 'email-address': address, password } } },
      });
    const wrong = expectApiError(await attempt(email, 'not the password at all'), 401);
    const unknown = expectApiError(await attempt('nobody@example.com', PASSWORD), 401);
    expect(wrong[0]?.details).toBe(unknown[0]?.details);
  });

  it('stops guessing after 10 attempts per address with a 429 and Retry-After', async () => {
    const { email } = await createUser(t, 'viewer');
    // Attempts count per five-minute window of the clock (src/access/session-service.ts): eleven attempts across a
    // window's end would rightly count in two windows, so start them clear of one.
    const toWindowEnd = 300_000 - (Date.now() % 300_000);
    if (toWindowEnd < 10_000) await new Promise((resolve) => setTimeout(resolve, toWindowEnd + 100));
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { data: { attributes: { 'email-address': email, password: 'guess guess guess' } } },
      });
    for (let i = 0; i < 10; i++) expectApiError(await attempt(), 401);
    const blocked = await attempt();
    expectApiError(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('signs out: the cookie is cleared and no longer accepted', async () => {
    const { email } = await createUser(t, 'viewer');
    const { headers, csrf } = await signIn(t, email);
    // Signing out is a write too: without the token a forged page could sign a user out.
    expectApiError(await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers }), 403);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...headers, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'casework_session')?.value).toBe('');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers });
    expect(expectApiError(after, 401)[0]?.details).toMatch(/session has expired or ended/);
  });

  it('ends every session of a user whose password changes or who is disabled', async () => {
    const { email, id } = await createUser(t, 'reviewer');
    const first = await signIn(t, email);
    const patch = (attributes: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: t.auth,
        payload: { data: { attributes } },
      });
    expect((await patch({ password: 'another long passphrase' })).statusCode).toBe(200);
    expectApiError(await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: first.headers }), 401);
    const second = await signIn(t, email, 'another long passphrase');
    expect((await patch({ disabled: true })).statusCode).toBe(200);
    expectApiError(await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: second.headers }), 401);
    await expect(signIn(t, email, 'another long passphrase')).rejects.toThrow(/401|Wrong email/);
  });

  it('expires a session after SESSION_TTL_SECONDS', async () => {
    const { email } = await createUser(t, 'viewer');
    let now = Date.now() + 1000;
    const app = await buildApp({ env: { ...t.env, SESSION_TTL_SECONDS: 60 }, clock: () => new Date(now) });
    try {
      const { headers } = await signIn({ ...t, app }, email);
      expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode).toBe(200);
      now += 61_000;
      expectApiError(await app.inject({ method: 'GET', url: '/api/v1/session', headers }), 401);
    } finally {
      await app.close();
    }
  });
});
