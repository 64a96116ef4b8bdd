import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Every response — API, docs, probes, errors — carries the security headers (src/platform/http/security-headers.plugin.ts).
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['GET', '/healthz', 200],
    ['GET', '/api/v1/cases', 200],
    ['GET', '/api/v1/cases', 401],
    ['GET', '/docs/', 200],
    ['GET', '/openapi.json', 200],
    ['GET', '/no-such-page', 404],
  ] as const)('%s %s (%i)', async (method, url, status) => {
    const headers = status === 401 ? {} : t.auth;
    const response = await t.app.inject({ method, url, headers });
    expect(response.statusCode).toBe(status);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('a known path asked with another method', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it.each([
    ['DELETE', '/api/v1/cases', 'GET, HEAD, POST'],
    ['GET', '/api/v1/cases/case_x/set-status', 'POST'],
    ['PUT', '/api/v1/case-templates/ctmpl_x?x=1', 'GET, HEAD, PATCH'],
    ['POST', '/healthz', 'GET, HEAD'],
  ] as const)('%s %s answers 405 with Allow: %s', async (method, url, allow) => {
    const response = await t.app.inject({ method, url, headers: t.auth });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(response.json().errors[0]).toMatchObject({ title: 'Method Not Allowed' });
  });

  it('tells an unauthenticated caller nothing about which paths exist', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/cases' });
    expect(response.statusCode).toBe(401);
    expect(response.headers.allow).toBeUndefined();
  });

  it('still answers 404 for paths nobody serves', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/no-such-thing', headers: t.auth });
    expect(response.statusCode).toBe(404);
  });

  // Nothing reads the body of a request no route takes, so a body Fastify would refuse changes nothing.
  it.each([
    ['QUERY without a Content-Type', 'QUERY', '/api/v1/cases/case_x', {}, 405],
    ['QUERY without a Content-Type', 'QUERY', '/healthz', {}, 405],
    ['malformed JSON', 'PUT', '/api/v1/cases', { 'content-type': 'application/json', payload: '{"data": ' }, 405],
    ['malformed JSON', 'POST', '/api/v1/no-such-thing', { 'content-type': 'application/json', payload: '{' }, 404],
  ] as const)('%s: %s %s answers %i', async (_name, method, url, body, status) => {
    const { payload, ...headers } = { payload: undefined, ...body };
    const response = await t.app.inject({ method, url, headers: { ...t.auth, ...headers }, payload });
    expect(response.statusCode, response.body).toBe(status);
  });

  it('asks for credentials before saying anything about a QUERY', async () => {
    const response = await t.app.inject({ method: 'QUERY', url: '/api/v1/cases/case_x' });
    expect(response.statusCode).toBe(401);
  });
});
