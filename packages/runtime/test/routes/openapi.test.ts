import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accessFor } from '../../src/access/access-policy.ts';
import { documentErrorResponses } from '../../src/platform/http/error-responses.ts';
import { registerOpenApi } from '../../src/platform/http/openapi.plugin.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Operation {
  summary?: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const errorDocument = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDocument' } } };

/** What any API operation can answer besides its own rules (src/platform/http/error-responses.ts). */
/** Whether anyone may call an operation of the document (signing in), by the one policy table. */
const isPublic = (method: string, path: string) =>
  accessFor(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1')) === 'public';

function expectedErrors(method: string, path: string): string[] {
  const statuses = isPublic(method, path) ? [400, 429] : [400, 401, 403, 429];
  if (path.includes('{')) statuses.push(404);
  if (['post', 'put', 'patch', 'delete'].includes(method)) statuses.push(413, 415);
  if (method === 'post') statuses.push(409, 422);
  return statuses.map(String);
}

const apiOperations = (paths: Paths) =>
  Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ path, method, operation })),
    );

/** Every `$ref` in a document, with where it stands (a JSON pointer). */
function refsOf(value: unknown, at = ''): { at: string; ref: string }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ at, ref: child }] : refsOf(child, `${at}/${key}`),
  );
}

/** What a local `#/...` reference points at in the document, or undefined when nothing is there. */
function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  const tokens = ref
    .slice(2)
    .split('/')
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('every $ref in the document resolves to a schema inside it, so generators and fuzzers can follow it', async () => {
    const spec: unknown = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const refs = refsOf(spec);
    expect(refs.length).toBeGreaterThan(0);
    const broken = refs.filter(({ ref }) => resolvePointer(spec, ref) === undefined);
    expect(broken).toEqual([]);
  });

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

  it('documents on every API operation each error status it can answer, in the error format', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Paths };
    const operations = apiOperations(spec.paths);
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, operation } of operations) {
      for (const status of expectedErrors(method, path)) {
        expect(operation.responses[status]?.content, `${method} ${path} documents ${status}`).toEqual(errorDocument);
      }
    }
    // A route's own statuses stay: a concurrent change to a workflow is a 409, a wrong password on sign-in a 401.
    expect(spec.paths['/api/v1/workflows/{id}']?.patch?.responses).toHaveProperty('409');
    expect(Object.keys(spec.paths['/api/v1/sessions']?.post?.responses ?? {})).toContain('401');
    // Signing in is open to anyone: no role can be refused there.
    expect(Object.keys(spec.paths['/api/v1/sessions']?.post?.responses ?? {})).not.toContain('403');
  });

  it('says which request bodies may be left out, and requires the others', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Paths };
    const optional = apiOperations(spec.paths)
      .filter(({ operation }) => operation.requestBody?.required === false)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(optional.sort()).toEqual([
      'POST /api/v1/cases/search',
      'POST /api/v1/system-checks',
      'POST /api/v1/workflows/{id}/publish',
    ]);
    for (const { method, path, operation } of apiOperations(spec.paths)) {
      if (operation.requestBody && !optional.includes(`${method.toUpperCase()} ${path}`)) {
        expect(operation.requestBody.required, `${method} ${path}`).toBe(true);
      }
    }
  });

  it('documents the error statuses of a route added later too', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    documentErrorResponses(app, { prefix: '/api/v1' });
    await registerOpenApi(app, { version: 'test' });
    await app.register(
      async (api) => {
        api.post(
          '/widgets/:id/polish',
          { schema: { summary: 'Polish', body: z.object({ shine: z.number() }) } },
          () => ({}),
        );
        api.post('/sessions', { schema: { summary: 'Sign in' } }, () => ({}));
      },
      { prefix: '/api/v1' },
    );
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Paths };
    expect(Object.keys(spec.paths['/api/v1/widgets/{id}/polish']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(expectedErrors('post', '/api/v1/widgets/{id}/polish')),
    );
    // A public route (access/access-policy.ts) answers neither 401 nor 403.
    const signIn = Object.keys(spec.paths['/api/v1/sessions']?.post?.responses ?? {});
    expect(signIn).toEqual(expect.arrayContaining(['400', '409', '413', '415', '422', '429']));
    expect(signIn).not.toContain('401');
    expect(signIn).not.toContain('403');
    await app.close();
  });

  it('serves the docs UI at /docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
