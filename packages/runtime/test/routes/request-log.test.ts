import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createTestEnv } from '../helpers/test-env.ts';

// What an operator reads in the api's log: one line per request (src/platform/http/request-log.plugin.ts).
describe('the request log', () => {
  const lines: Record<string, unknown>[] = [];
  const env = createTestEnv({ LOG_LEVEL: 'info' });
  let app: FastifyInstance;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });

  // What the api prints at its start besides its log (Node's process warnings, e.g. a Fastify deprecation).
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    process.on('warning', onWarning);
    app = await buildApp({ env, logger: { level: 'info', stream } });
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await app.close();
  });

  it('starts without a deprecation warning', async () => {
    await app.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  });

  const linesOf = (requestId: string) => lines.filter((line) => line['reqId'] === requestId);

  it.each([
    ['an answered request', `Bearer ${env.CASEWORK_API_KEY}`, 200],
    ['a refused one', 'Bearer cw_wrong', 401],
  ])('logs %s once, with its method, URL, status and time', async (_name, authorization, status) => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/cases?page[size]=1', headers: { authorization } });
    expect(response.statusCode).toBe(status);
    const requestId = String(response.headers['request-id']);
    await expect.poll(() => linesOf(requestId).length).toBe(1);
    const [line] = linesOf(requestId);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/v1/cases?page[size]=1' },
      res: { statusCode: status },
    });
    expect(line?.['responseTime']).toEqual(expect.any(Number));
  });
});
