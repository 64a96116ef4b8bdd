import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../access/access-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const VALUE = 'sk_live_do-not-show-this-value';

interface SecretBody {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
}

describe('/api/v1/secrets', () => {
  let t: TestApp;
  let noKey: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    noKey = await createTestApp({ CASEWORK_SECRETS_KEY: undefined as unknown as string });
  });
  afterAll(async () => {
    await t?.close();
    await noKey?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, app = t) =>
    app.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: app.auth,
      ...(payload === undefined ? {} : { payload }),
    });
  const create = (name: string, value = VALUE, app = t) =>
    call('POST', '/secrets', { data: { attributes: { name, value } } }, app);

  it('creates, lists, replaces and deletes a secret by name, never answering with its value', async () => {
    const created = await create('persona-webhook');
    expect(created.statusCode, created.body).toBe(201);
    const secret = (created.json() as { data: SecretBody }).data;
    expect(secret).toMatchObject({ type: 'secret', id: 'persona-webhook', attributes: { name: 'persona-webhook' } });
    expect(Object.keys(secret.attributes).sort()).toEqual(['created-at', 'name', 'updated-at']);

    const listed = await call('GET', '/secrets');
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { data: SecretBody[] }).data.map((item) => item.id)).toContain('persona-webhook');

    const replaced = await call('PATCH', '/secrets/persona-webhook', { data: { attributes: { value: 'second' } } });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const after = (replaced.json() as { data: SecretBody }).data.attributes;
    expect(after['created-at']).toBe(secret.attributes['created-at']);
    expect(Date.parse(String(after['updated-at']))).toBeGreaterThanOrEqual(Date.parse(String(after['created-at'])));

    for (const response of [created, listed, replaced]) {
      expect(response.body).not.toContain(VALUE);
      expect(response.body).not.toContain('second');
    }

    expect((await call('DELETE', '/secrets/persona-webhook')).statusCode).toBe(204);
    expectApiError(await call('DELETE', '/secrets/persona-webhook'), 404);
    expect((await call('GET', '/secrets')).body).not.toContain('persona-webhook');
  });

  it('stores the value encrypted: the database holds no plain text of it', async () => {
    expect((await create('stored-sealed')).statusCode).toBe(201);
    const stored = await t.db.collection('secrets').findOne({ _id: 'stored-sealed' as never });
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(VALUE);
    expect(JSON.stringify(stored)).not.toContain(Buffer.from(VALUE).toString('base64'));
  });

  it('answers 409 for a name in use, 404 for an unknown one, 400 for a malformed name or value', async () => {
    expect((await create('taken')).statusCode).toBe(201);
    const [conflict] = expectApiError(await create('taken', 'other'), 409);
    expect(conflict?.details).toContain('a secret named "taken" exists');

    const [missing] = expectApiError(
      await call('PATCH', '/secrets/never-made', { data: { attributes: { value: 'x' } } }),
      404,
    );
    expect(missing?.details).toBe('no secret named "never-made"');

    for (const name of ['', '1starts-with-digit', 'has space', 'a'.repeat(65), 'dots.not.allowed']) {
      const [error] = expectApiError(await create(name), 400);
      expect(error?.source).toEqual({ pointer: '/data/attributes/name' });
    }
    expectApiError(await create('empty-value', ''), 400);
    expectApiError(await call('POST', '/secrets', { data: { attributes: { name: 'x', value: 'v', extra: 1 } } }), 400);
  });

  it('is for admins and designers only', async () => {
    const designer = (await createKey(t, 'designer')).headers;
    const reviewer = (await createKey(t, 'reviewer')).headers;
    const asRole = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/api/v1/secrets', headers });
    expect((await asRole(designer)).statusCode).toBe(200);
    expectApiError(await asRole(reviewer), 403);
  });

  it('answers 503 naming CASEWORK_SECRETS_KEY when the api has no key', async () => {
    const [error] = expectApiError(await create('no-key', VALUE, noKey), 503);
    expect(error?.details).toContain('CASEWORK_SECRETS_KEY is not set');
    expect((await call('GET', '/secrets', undefined, noKey)).statusCode).toBe(200);
  });
});
