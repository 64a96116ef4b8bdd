import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { accessCollectionNames } from '../../src/access/access-collections.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe('API-key auth on /api/v1', () => {
  let t: TestApp;
  let apiRoutes: { method: Method; url: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    // Every route the API documents, so a new route cannot ship unprotected.
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    apiRoutes = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase() as Method,
          url: path.replace(/\{[^}]+\}/g, 'chk_abcdefghijklmnopqrstuvwx'),
        })),
      );
  });
  afterAll(async () => t.close());

  it('documents at least the system-check routes', () => {
    expect(apiRoutes).toEqual(
      expect.arrayContaining([
        { method: 'POST', url: '/api/v1/system-checks' },
        { method: 'GET', url: '/api/v1/system-checks/chk_abcdefghijklmnopqrstuvwx' },
      ]),
    );
  });

  it('answers 401 in the error format on every /api/v1 route but sign-in without a key', async () => {
    for (const route of apiRoutes.filter((r) => !(r.method === 'POST' && r.url === '/api/v1/sessions'))) {
      const response = await t.app.inject({ ...route, payload: route.method === 'GET' ? undefined : {} });
      const [error] = expectApiError(response, 401);
      expect(error?.details, `${route.method} ${route.url}`).toMatch(/Missing API key/);
    }
  });

  it.each([
    ['a wrong key', 'Bearer cw_wrong_key_0123456789abcdef'],
    ['another scheme', `Basic ${Buffer.from('user:pass').toString('base64')}`],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 with %s', async (_name, authorization) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/system-checks', headers: { authorization } });
    expectApiError(response, 401);
  });

  it('answers 401, not 404, for unknown /api/v1 paths without a key, and 404 with one', async () => {
    expectApiError(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 401);
    expectApiError(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: t.auth }), 404);
  });

  it('accepts the configured key and stores only its hash', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/system-checks/chk_missing', headers: t.auth });
    expectApiError(response, 404);
    const stored = await t.db.collection(accessCollectionNames.apiKeys).find().toArray();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(t.env.CASEWORK_API_KEY);
    expect(stored[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not store the same key twice when the app starts again', async () => {
    const again = await buildApp({ env: t.env });
    await again.close();
    expect(await t.db.collection(accessCollectionNames.apiKeys).countDocuments()).toBe(1);
  });
});
