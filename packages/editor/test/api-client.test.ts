import { workflowDocumentSchema, workflowListSchema } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/api-client.ts';
import { ApiRequestError, parseApiError } from '../src/api/api-error.ts';
import { workflowResource } from './fixtures/api-resources.ts';

type Call = { url: string; init: RequestInit };

/** A fetch that records calls and answers `status` with `body` (JSON unless a string). */
function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fetch = (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: { 'request-id': 'req_1', ...headers } }));
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

describe('parseApiError', () => {
  it('reads every error of the API error document, saying where each one points', () => {
    const error = parseApiError(
      400,
      {
        errors: [
          { title: 'Bad Request', details: 'Expected a string', source: { pointer: '/data/attributes/name' } },
          { title: 'Bad Request', details: 'Unrecognized key "filter[bad]"', source: { parameter: 'filter[bad]' } },
        ],
      },
      'req_7',
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ kind: 'http', status: 400, requestId: 'req_7', issues: [] });
    expect(error.messages).toEqual([
      'Expected a string (at /data/attributes/name)',
      'Unrecognized key "filter[bad]"', // the details already name the parameter
    ]);
  });

  it("keeps the compiler's issues of a refused publish", () => {
    const issue = {
      code: 'dangling-edge',
      severity: 'error',
      'node-id': null,
      'edge-id': 'e-nowhere',
      path: null,
      message: 'edge "e-nowhere" points to a node that does not exist',
    };
    const error = parseApiError(422, {
      errors: [{ title: 'dangling-edge', details: issue.message, source: { pointer: '/graph/edges/3' } }],
      meta: { issues: [issue] },
    });
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([issue]);
  });

  it('falls back to a message from the status when the body is not an error document', () => {
    expect(parseApiError(502, '<html>Bad gateway</html>').messages).toEqual([
      'The API is unreachable (bad gateway) (HTTP 502).',
    ]);
    expect(parseApiError(418, undefined).messages).toEqual(['The API answered HTTP 418 (HTTP 418).']);
    expect(parseApiError(409, { errors: [] }).messages).toEqual(['Conflict (HTTP 409).']);
  });
});

describe('createApiClient', () => {
  it("sends JSON with the session's cookie and CSRF token, and parses the answer with the schema", async () => {
    const { calls, fetch } = fakeFetch(200, { data: workflowResource() });
    const client = createApiClient({ baseUrl: 'http://api.test/', csrfToken: 'csrf_1', fetch });
    const document = await client.request('/workflows/wfl_1', workflowDocumentSchema, {
      method: 'PATCH',
      body: { data: { attributes: { name: 'New' } } },
      headers: { 'idempotency-key': 'k1' },
    });
    expect(document.data.id).toBe(workflowResource().id);
    const [call] = calls;
    expect(call?.url).toBe('http://api.test/api/v1/workflows/wfl_1');
    expect(call?.init.method).toBe('PATCH');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.body).toBe('{"data":{"attributes":{"name":"New"}}}');
    expect(call?.init.headers).toMatchObject({
      'x-csrf-token': 'csrf_1',
      'content-type': 'application/json',
      'idempotency-key': 'k1',
    });
    expect(call?.init.headers).not.toHaveProperty('authorization');
  });

  it('sends the CSRF token on every write and on no read, and none before signing in', async () => {
    const { calls, fetch } = fakeFetch(200, { data: workflowResource() });
    const signedIn = createApiClient({ baseUrl: '', csrfToken: 'csrf_1', fetch });
    await signedIn.request('/workflows/wfl_1', workflowDocumentSchema);
    await signedIn.request('/workflows/wfl_1/archive', workflowDocumentSchema, { method: 'POST' });
    await signedIn.request('/workflows/wfl_1', workflowDocumentSchema, { method: 'DELETE' });
    await createApiClient({ baseUrl: '', fetch }).request('/workflows/wfl_1', workflowDocumentSchema, {
      method: 'POST',
    });
    expect(calls.map((call) => (call.init.headers as Record<string, string>)['x-csrf-token'])).toEqual([
      undefined,
      'csrf_1',
      'csrf_1',
      undefined,
    ]);
  });

  it('adds query parameters, and calls ready-made list links as they are', async () => {
    const { calls, fetch } = fakeFetch(200, { data: [], links: { prev: null, next: null } });
    const client = createApiClient({ baseUrl: '', fetch });
    await client.request('/workflow-runs', workflowListSchema, {
      query: { 'filter[workflow-id]': 'wfl_1', 'page[size]': 1, 'page[after]': undefined },
    });
    await client.request('/api/v1/workflows?page[size]=1&page[after]=wfl_2', workflowListSchema);
    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/workflow-runs?filter%5Bworkflow-id%5D=wfl_1&page%5Bsize%5D=1',
      '/api/v1/workflows?page[size]=1&page[after]=wfl_2',
    ]);
  });

  it('fails with the typed error, and tells the session about a 401', async () => {
    const details = 'Your session has expired or ended: sign in again.';
    const { fetch } = fakeFetch(401, { errors: [{ title: 'Unauthorized', details }] });
    const rejected: ApiRequestError[] = [];
    const client = createApiClient({ baseUrl: '', csrfToken: 'old', fetch, onUnauthorized: (e) => rejected.push(e) });
    const failure = await client.request('/workflows', workflowListSchema).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure).toMatchObject({ status: 401, messages: [details], requestId: 'req_1' });
    expect(rejected).toEqual([failure]);
  });

  it('does not call a 404 unauthorized', async () => {
    const { fetch } = fakeFetch(404, { errors: [{ title: 'Not Found', details: 'No workflow with id wfl_x.' }] });
    let told = false;
    const client = createApiClient({ baseUrl: '', fetch, onUnauthorized: () => (told = true) });
    await expect(client.request('/workflows/wfl_x', workflowDocumentSchema)).rejects.toMatchObject({
      status: 404,
      messages: ['No workflow with id wfl_x.'],
    });
    expect(told).toBe(false);
  });

  it('reports an unreachable API as a network failure', async () => {
    const fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: '', fetch });
    await expect(client.request('/workflows', workflowListSchema)).rejects.toMatchObject({
      kind: 'network',
      status: 0,
      messages: ['Cannot reach the API (Failed to fetch). Is `npm start` running?'],
    });
  });

  it('refuses an answer that does not match the schema', async () => {
    const { fetch } = fakeFetch(200, { data: { type: 'workflow' } });
    const client = createApiClient({ baseUrl: '', fetch });
    const failure = await client.request('/workflows/wfl_1', workflowDocumentSchema).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect((failure as ApiRequestError).messages[0]).toMatch(
      /^The API's answer was not what the editor expected: data\./,
    );
  });

  it('fails with the abort reason when the caller aborts', async () => {
    const fetch = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: '', fetch });
    const controller = new AbortController();
    const pending = client.request('/workflows', workflowListSchema, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
