import { describe, expect, it } from 'vitest';
import {
  compile,
  httpRequestEvaluatedSchema,
  httpRequestNode,
  type CatalogSnapshot,
  type Graph,
} from '../src/index.ts';
import { apiTrigger, catalog, edge, node } from './graph/fixtures.ts';

const withSecrets: CatalogSnapshot = { ...catalog, secrets: [{ name: 'hook-secret' }] };

/** trigger → the request → done. */
const requestGraph = (params: Record<string, unknown>): Graph => ({
  nodes: [apiTrigger(), node('call', 'http.request', params), node('done', 'end')],
  edges: [edge('trigger', 'call'), edge('call', 'done')],
});
const issuesOf = (params: Record<string, unknown>, snapshot = withSecrets) =>
  compile(requestGraph(params), snapshot).issues;

describe('http.request', () => {
  it('compiles to a step with its defaults: GET, no body, 30 s, retry on 5xx/429/network, 256 KB', () => {
    const result = compile(requestGraph({ url: 'https://example.com/hook?x={{ trigger.amount }}' }), withSecrets);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.call).toMatchObject({
      kind: 'http.request',
      params: {
        method: 'GET',
        body: { type: 'none' },
        timeout: { amount: 30, unit: 'seconds' },
        'retry-on': ['5xx', '429', 'network'],
        'max-response-bytes': 262_144,
        'continue-on-error': false,
        retry: { 'max-attempts': 3 },
      },
      next: { next: 'done' },
    });
  });

  it('takes a signature from a secret that exists, with the default header', () => {
    const result = compile(
      requestGraph({
        method: 'POST',
        url: 'https://example.com/hook',
        body: { type: 'json', value: { amount: '{{ trigger.amount }}' } },
        signature: { secret: 'hook-secret' },
      }),
      withSecrets,
    );
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.call?.params).toMatchObject({
      signature: { secret: 'hook-secret', header: 'Casework-Signature' },
    });
  });

  it.each<[string, Record<string, unknown>, { code: string; path: string; message?: string }]>([
    [
      'an unknown secret',
      { url: 'https://x.test', method: 'POST', signature: { secret: 'missing' } },
      {
        code: 'unknown-secret',
        path: '/params/signature/secret',
        message: 'no secret "missing" (create it under Secrets)',
      },
    ],
    [
      'an unknown secret as a header',
      { url: 'https://x.test', 'secret-headers': { Authorization: 'crm-token' } },
      { code: 'unknown-secret', path: '/params/secret-headers/Authorization' },
    ],
    [
      'a malformed secret name',
      { url: 'https://x.test', signature: { secret: '{{ trigger.secret }}' } },
      { code: 'invalid-params', path: '/params/signature/secret' },
    ],
    [
      'a literal URL that is not http(s)',
      { url: 'ftp://x.test/file' },
      { code: 'invalid-params', path: '/params/url' },
    ],
    ['no URL', {}, { code: 'invalid-params', path: '/params/url' }],
    [
      'a body on a GET',
      { url: 'https://x.test', body: { type: 'json', value: 1 } },
      { code: 'invalid-params', path: '/params/body', message: 'a GET or HEAD request has no body' },
    ],
    [
      'a header the request sets itself',
      { url: 'https://x.test', headers: { Host: 'evil.test' } },
      { code: 'invalid-params', path: '/params/headers/Host' },
    ],
    [
      'a response cap over 1 MB',
      { url: 'https://x.test', 'max-response-bytes': 2_000_000 },
      { code: 'invalid-params', path: '/params/max-response-bytes' },
    ],
    [
      'a timeout over 5 minutes',
      { url: 'https://x.test', timeout: { amount: 6, unit: 'minutes' } },
      { code: 'invalid-params', path: '/params/timeout' },
    ],
    [
      'an expression that reads a later step',
      { url: 'https://x.test/{{ steps.done.x }}' },
      { code: 'unknown-reference', path: '/params/url' },
    ],
  ])('refuses %s, naming the node', (_, params, where) => {
    expect(issuesOf(params)).toContainEqual(
      expect.objectContaining({ ...where, 'node-id': 'call', severity: 'error' }),
    );
  });

  it('leaves secrets unchecked when the catalog does not list them (an editor that may not read them)', () => {
    expect(issuesOf({ url: 'https://x.test', method: 'POST', signature: { secret: 'anything' } }, catalog)).toEqual([]);
  });

  it('reads evaluated params: scalars become strings, other values are step errors', () => {
    const schema = httpRequestEvaluatedSchema;
    const base = {
      method: 'GET',
      url: 'https://x.test',
      timeout: { amount: 1, unit: 'seconds' },
      'retry-on': [],
      'max-response-bytes': 10,
    };
    expect(schema.parse({ ...base, headers: { 'X-N': 42 }, query: { a: [1, true], b: null } })).toMatchObject({
      headers: { 'X-N': '42' },
      query: { a: ['1', 'true'], b: null },
    });
    expect(schema.safeParse({ ...base, headers: { 'X-O': { nested: true } } }).success).toBe(false);
    expect(schema.safeParse({ ...base, url: 12 }).success).toBe(false);
  });

  it('summarizes as method and URL, then the secret or the timeout', () => {
    expect(
      httpRequestNode.summary({ method: 'POST', url: 'https://x.test', signature: { secret: 's' } }, catalog),
    ).toEqual(['POST https://x.test', 'signed with s']);
    expect(httpRequestNode.summary(httpRequestNode.defaults({}), catalog)).toEqual(['GET URL: not set', undefined]);
  });
});
