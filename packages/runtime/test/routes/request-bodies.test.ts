import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// A body the OpenAPI document marks optional may be left out, however the client leaves it out; a required one
// missing is a 400 that says so; what the document allows, the API takes (test/routes/openapi.test.ts checks the
// document's side).
describe('request bodies', () => {
  let t: TestApp;
  const post = (url: string, body?: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...t.auth, ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { payload: body }),
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['no body', undefined],
    ['an empty body sent as JSON', ''],
    ['an empty object', '{}'],
  ])('starts a system check with %s', async (_name, body) => {
    const response = await post('/system-checks', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().data.attributes['delay-seconds']).toBe(0);
  });

  it('publishes a draft with no body', async () => {
    const created = await post('/workflows', JSON.stringify({ data: { attributes: { name: 'No notes' } } }));
    const published = await post(`/workflows/${created.json().data.id}/publish`);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json().data.attributes.notes).toBeNull();
  });

  it.each([
    ['no body', undefined],
    ['an empty body sent as JSON', ''],
  ])('refuses to create a case from %s: the body is required', async (_name, body) => {
    const [error] = expectApiError(await post('/cases', body), 400);
    expect(error).toMatchObject({ details: 'This operation needs a JSON request body.', source: { pointer: '/' } });
  });

  it('restores by exactly one of version-id and version-number, as documented', async () => {
    const created = await post('/workflows', JSON.stringify({ data: { attributes: { name: 'Restore me' } } }));
    const id = created.json().data.id as string;
    const version = (await post(`/workflows/${id}/publish`)).json().data;
    const restore = (meta: object) => post(`/workflows/${id}/restore`, JSON.stringify({ meta }));
    for (const meta of [{}, { 'base-revision': 1 }, { 'version-id': version.id, 'version-number': 1 }]) {
      const [error] = expectApiError(await restore(meta), 400);
      expect(error).toMatchObject({
        details: expect.stringContaining('give exactly one of version-id and version-number'),
      });
    }
    expect((await restore({ 'version-number': 1, 'base-revision': 1 })).statusCode).toBe(200);
    expect((await restore({ 'version-id': version.id })).statusCode).toBe(200);
  });
});
