import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('GET /healthz answers 200 without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when MongoDB and Temporal answer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { mongodb: { ok: true }, temporal: { ok: true } } });
  });

  it('puts a fresh Request-Id on every response', async () => {
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'GET', url: '/healthz' }),
      t.app.inject({ method: 'GET', url: '/no-such-page' }),
    ]);
    expect(a.headers['request-id']).toMatch(/^req_[A-Za-z0-9_-]{24}$/);
    expect(b.headers['request-id']).toMatch(/^req_[A-Za-z0-9_-]{24}$/);
    expect(a.headers['request-id']).not.toBe(b.headers['request-id']);
  });
});
