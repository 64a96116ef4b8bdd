import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames } from '../../src/platform/db/platform-collections.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('errors leave in the API error format', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/system-checks',
      headers: { ...t.auth, 'content-type': contentType },
      payload,
    });

  it('400 for malformed JSON', async () => {
    const [error] = expectApiError(await post('{"meta": '), 400);
    expect(error?.details).toMatch(/JSON/);
  });

  it('400 with a pointer for a wrong type, one error per problem', async () => {
    const errors = expectApiError(await post(JSON.stringify({ meta: { 'delay-seconds': 'soon', extra: 1 } })), 400);
    expect(errors.map((e) => e.source?.pointer).sort()).toEqual(['/meta', '/meta/delay-seconds']);
  });

  it('400 for unknown top-level keys', async () => {
    const [error] = expectApiError(await post(JSON.stringify({ data: {} })), 400);
    expect(error?.details).toMatch(/Unrecognized key/);
  });

  it('400 for a value out of range', async () => {
    const [error] = expectApiError(await post(JSON.stringify({ meta: { 'delay-seconds': 999_999 } })), 400);
    expect(error?.source?.pointer).toBe('/meta/delay-seconds');
  });

  it('415 for an unsupported content type', async () => {
    expectApiError(await post('meta=1', 'application/x-www-form-urlencoded'), 415);
  });

  it('413 for a body over the limit', async () => {
    const huge = JSON.stringify({ meta: { padding: 'x'.repeat(2 * 1024 * 1024) } });
    expectApiError(await post(huge), 413);
  });

  it('404 for an unknown record and for an unknown route', async () => {
    const [record] = expectApiError(
      await t.app.inject({ method: 'GET', url: '/api/v1/system-checks/chk_nope', headers: t.auth }),
      404,
    );
    expect(record?.details).toContain('chk_nope');
    expectApiError(await t.app.inject({ method: 'DELETE', url: '/nowhere' }), 404);
  });

  it('writes nothing for rejected requests', async () => {
    expect(await t.db.collection(collectionNames.systemChecks).countDocuments()).toBe(0);
  });
});
