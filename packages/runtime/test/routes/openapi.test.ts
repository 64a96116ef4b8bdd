import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Operation {
  summary?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
}

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves an OpenAPI 3.1 document describing every route with responses, and API routes with auth', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/v1/system-checks', '/api/v1/system-checks/{id}']),
    );
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path} summary`).toBeTruthy();
        expect(Object.keys(operation.responses).length, `${method} ${path} responses`).toBeGreaterThan(0);
        if (path === '/api/v1/sessions') {
          // Signing in is the one public operation.
          expect(operation.security, 'sign-in security').toEqual([]);
        } else if (path.startsWith('/api/v1/')) {
          expect(operation.security, `${method} ${path} security`).toContainEqual({ bearerAuth: [] });
          expect(operation.responses, `${method} ${path} documents 401`).toHaveProperty('401');
        }
      }
    }
    expect(spec.paths['/api/v1/system-checks']?.post?.requestBody?.content).toHaveProperty(['application/json']);
  });

  it('serves the docs UI at /docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
