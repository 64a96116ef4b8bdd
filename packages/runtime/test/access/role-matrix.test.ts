import { roles, type Role } from '@casework/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createKey } from './access-fixtures.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  /** Answers an endless `text/event-stream`: called with an unknown parameter, so an allowed call ends as a 400. */
  streams: boolean;
}
type Responses = Record<string, { content?: Record<string, unknown> }>;

// The one table this test holds the api to, written as rules rather than copied from access/access-policy.ts:
// what each role may do, by the area an operation belongs to.
const area = ({ method, path }: Operation) => {
  const p = path.replace(/^\/api\/v1/, '');
  if (p === '/sessions') return 'sign-in';
  if (p === '/session') return 'self';
  if (p.startsWith('/users') || p.startsWith('/api-keys')) return 'access';
  // Secrets, even their names, are for the people who build workflows.
  if (p.startsWith('/secrets')) return 'secrets';
  if (/^\/workflows\/\{id\}\/(trigger|schedule\/run)$|^\/workflow-runs\/\{id\}\/(cancel|rerun)$/.test(p)) return 'run';
  const read = method === 'GET';
  if (p.startsWith('/workflow-runs') || p === '/workflows' || p === '/workflows/{id}') {
    return read ? 'read-runs' : 'design';
  }
  // A search is a read whose query travels as a body.
  if (p === '/cases/search') return 'read';
  if (p.startsWith('/cases') || p === '/events') return read ? 'read' : 'work-cases';
  return read ? 'read' : 'design';
};
const allowed: Record<ReturnType<typeof area>, readonly Role[]> = {
  'sign-in': roles,
  self: roles,
  access: ['admin'],
  secrets: ['admin', 'designer'],
  run: ['admin', 'designer', 'trigger'],
  'read-runs': ['admin', 'designer', 'reviewer', 'viewer', 'trigger'],
  read: ['admin', 'designer', 'reviewer', 'viewer'],
  design: ['admin', 'designer'],
  'work-cases': ['admin', 'reviewer'],
};

describe('roles on every operation of /openapi.json', () => {
  let t: TestApp;
  let operations: Operation[];
  const keys = new Map<Role, { authorization: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Responses }>>;
    };
    operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase() as Method,
          path,
          streams: Object.values(op.responses).some((r) => r.content?.['text/event-stream'] !== undefined),
        })),
      );
    for (const role of roles) keys.set(role, (await createKey(t, role)).headers);
  });
  afterAll(async () => t.close());

  const call = (operation: Operation, headers: Record<string, string>) =>
    t.app.inject({
      method: operation.method,
      url: `${operation.path.replace(/\{[^}]+\}/g, 'x_abcdefghijklmnopqrstuvwx')}${operation.streams ? '?unknown=1' : ''}`,
      headers,
      ...(operation.method === 'GET' || operation.method === 'DELETE' ? {} : { payload: {} }),
    });

  it('covers the access routes and every area', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(new Set(operations.map(area))).toEqual(new Set(Object.keys(allowed)));
  });

  it.each(roles)('lets the %s role do exactly what the table says, and answers 403 otherwise', async (role) => {
    const headers = keys.get(role) ?? {};
    const denied: string[] = [];
    for (const operation of operations) {
      const response = await call(operation, headers);
      const name = `${operation.method} ${operation.path}`;
      if (allowed[area(operation)].includes(role)) {
        expect([401, 403], `${role} on ${name}: ${response.body}`).not.toContain(response.statusCode);
      } else {
        const [error] = expectApiError(response, 403);
        expect(error?.details, name).toContain(`The ${role} role may not`);
        denied.push(name);
      }
    }
    if (role === 'admin') expect(denied).toEqual([]);
    else expect(denied.length).toBeGreaterThan(0);
  });

  it('asks every operation but sign-in for credentials first', async () => {
    for (const operation of operations) {
      const response = await call(operation, {});
      if (area(operation) === 'sign-in') expect(response.statusCode).toBe(400);
      else expectApiError(response, 401);
    }
  });
});
