import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { accessCollectionNames } from '../../src/access/access-collections.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createKey, createUser, PASSWORD, signIn } from './access-fixtures.ts';

describe('users and API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('creates a user without ever storing or returning the password', async () => {
    const { id } = await createUser(t, 'reviewer', 'Grace@Example.com');
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: t.auth });
    expect(shown.json().data.attributes).toMatchObject({ 'email-address': 'grace@example.com', role: 'reviewer' });
    expect(shown.body).not.toContain(PASSWORD);
    const stored = await t.db.collection(accessCollectionNames.users).findOne({ _id: id as never });
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
  });

  it('refuses a second account for the same address, whatever its case (409)', async () => {
    await createUser(t, 'viewer', 'twice@example.com');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.auth,
      payload: { data: { attributes: { 'email-address': 'TWICE@example.com', password: PASSWORD, role: 'admin' } } },
    });
    expect(expectApiError(again, 409)[0]?.source?.pointer).toBe('/data/attributes/email-address');
  });

  it('refuses a short password with a pointer at it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.auth,
      payload: { data: { attributes: { 'email-address': 'short@example.com', password: 'short', role: 'viewer' } } },
    });
    expect(expectApiError(response, 400)[0]?.source?.pointer).toBe('/data/attributes/password');
  });

  it('never demotes or disables the last active admin', async () => {
    const fresh = await createTestApp();
    try {
      const { id } = await createUser(fresh, 'admin');
      const demote = (userId: string) =>
        fresh.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${userId}`,
          headers: fresh.auth,
          payload: { data: { attributes: { role: 'viewer' } } },
        });
      const second = await createUser(fresh, 'admin', 'second-admin@example.com');
      expect((await demote(second.id)).statusCode).toBe(200);
      expect(expectApiError(await demote(id), 409)[0]?.details).toMatch(/last active admin/);
    } finally {
      await fresh.close();
    }
  });

  it('shows a new key once, lists it by prefix only, and scopes it to its role', async () => {
    const trigger = await createKey(t, 'trigger', 'signup webhook');
    expect(trigger.key).toMatch(/^cwk_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: t.auth });
    const listed = list.json().data.find((key: { id: string }) => key.id === trigger.id);
    expect(listed.attributes).toMatchObject({
      name: 'signup webhook',
      role: 'trigger',
      prefix: trigger.key.slice(0, 10),
    });
    expect(listed.attributes.key).toBeUndefined();
    expect(list.body).not.toContain(trigger.key);

    const publish = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workflows/wfl_abcdefghijklmnopqrstuvwx/publish',
      headers: trigger.headers,
      payload: {},
    });
    expect(expectApiError(publish, 403)[0]?.details).toMatch(/trigger role may not POST/);
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workflows/wfl_abcdefghijklmnopqrstuvwx/trigger',
      headers: trigger.headers,
      payload: {},
    });
    expectApiError(run, 404);
  });

  it('refuses a revoked key from then on; revoking twice changes nothing', async () => {
    const key = await createKey(t, 'viewer');
    const read = () => t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: key.headers });
    expect((await read()).statusCode).toBe(200); // known to the api now, not only to the store
    const revoke = () => t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${key.id}/revoke`, headers: t.auth });
    const first = await revoke();
    expect(first.json().data.attributes['revoked-at']).toEqual(expect.any(String));
    expect((await revoke()).json().data.attributes['revoked-at']).toBe(first.json().data.attributes['revoked-at']);
    expect(expectApiError(await read(), 401)[0]?.details).toMatch(/revoked/);
  });

  it('refuses a key revoked through another api process within five seconds', async () => {
    const other = await buildApp({ env: t.env });
    try {
      const key = await createKey(t, 'viewer');
      const readThroughOther = () => other.inject({ method: 'GET', url: '/api/v1/cases', headers: key.headers });
      expect((await readThroughOther()).statusCode).toBe(200);
      const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${key.id}/revoke`, headers: t.auth });
      expect(revoked.statusCode).toBe(200);
      const since = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - since < 10_000) {
        status = (await readThroughOther()).statusCode;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(401);
      expect(Date.now() - since).toBeLessThan(7_000);
    } finally {
      await other.close();
    }
  });

  it('keeps the configured key out of reach of the API and retires it when CASEWORK_API_KEY changes', async () => {
    const fresh = await createTestApp();
    try {
      const keys = await fresh.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: fresh.auth });
      const configured = keys
        .json()
        .data.find((key: { attributes: { configured: boolean } }) => key.attributes.configured);
      expect(configured.attributes.role).toBe('admin');
      const revoke = await fresh.app.inject({
        method: 'POST',
        url: `/api/v1/api-keys/${configured.id}/revoke`,
        headers: fresh.auth,
      });
      expect(expectApiError(revoke, 409)[0]?.details).toMatch(/CASEWORK_API_KEY/);

      const rotated = await buildApp({
        env: { ...fresh.env, CASEWORK_API_KEY: `${fresh.env.CASEWORK_API_KEY}-rotated` },
      });
      try {
        const old = await rotated.inject({ method: 'GET', url: '/api/v1/cases', headers: fresh.auth });
        expectApiError(old, 401);
        const current = await rotated.inject({
          method: 'GET',
          url: '/api/v1/cases',
          headers: { authorization: `${fresh.auth.authorization}-rotated` },
        });
        expect(current.statusCode).toBe(200);
      } finally {
        await rotated.close();
      }
    } finally {
      await fresh.close();
    }
  });

  it('creates the first admin from the environment only while no user exists', async () => {
    const fresh = await createTestApp({
      CASEWORK_ADMIN_EMAIL: 'first@example.com',
      CASEWORK_ADMIN_PASSWORD: 'first admin passphrase',
    });
    try {
      const { headers } = await signIn(fresh, 'first@example.com', 'first admin passphrase');
      const me = await fresh.app.inject({ method: 'GET', url: '/api/v1/session', headers });
      expect(me.json().data.attributes.role).toBe('admin');
      const again = await buildApp({
        env: { ...fresh.env, CASEWORK_ADMIN_EMAIL: 'other@example.com', CASEWORK_ADMIN_PASSWORD: 'other passphrase!' },
      });
      await again.close();
      expect(await fresh.db.collection(accessCollectionNames.users).countDocuments()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
