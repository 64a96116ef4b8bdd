import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { connectMongo } from '../../src/platform/db/mongo.ts';
import { createApiKeyRepository } from '../../src/access/api-key-repository.ts';
import { collectionNames } from '../../src/platform/db/platform-collections.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createApiKeyService } from '../../src/access/api-key-service.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const MAX = 5;
// An hour-long window, so a run never straddles two windows.
const WINDOW_SECONDS = 3600;

describe('rate limiting per API key on /api/v1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) });
  });
  afterAll(async () => t.close());

  /** Each test spends the allowance of a key of its own. */
  async function registerApiKey() {
    const apiKeys = createApiKeyService({ apiKeys: createApiKeyRepository(t.db), clock: systemClock });
    const created = await apiKeys.create({ name: 'test', role: 'admin' }, 'usr_test');
    return { authorization: `Bearer ${created.attributes.key}` };
  }
  const get = (auth: { authorization: string }, app = t.app) =>
    app.inject({ method: 'GET', url: '/api/v1/system-checks/chk_missing', headers: auth });

  it('sends RateLimit headers on every response, counting down, then 429 with Retry-After', async () => {
    const auth = await registerApiKey();
    for (let i = 1; i <= MAX; i++) {
      const response = await get(auth);
      expect(response.statusCode).toBe(404);
      expect(response.headers['ratelimit-limit']).toBe(String(MAX));
      expect(response.headers['ratelimit-remaining']).toBe(String(MAX - i));
      const reset = Number(response.headers['ratelimit-reset']);
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
    const limited = await get(auth);
    const [error] = expectApiError(limited, 429);
    expect(error?.title).toBe('Too Many Requests');
    expect(error?.details).toMatch(/5 requests per 3600 s/);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['retry-after'])).toBe(Number(limited.headers['ratelimit-reset']));
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never lets more than the limit through when requests arrive all at once', async () => {
    const auth = await registerApiKey();
    const responses = await Promise.all(Array.from({ length: MAX * 4 }, () => get(auth)));
    const passed = responses.filter((response) => response.statusCode === 404).length;
    const limited = responses.filter((response) => response.statusCode === 429).length;
    expect(passed + limited).toBe(MAX * 4);
    expect(passed).toBe(MAX);
    expect(limited).toBe(MAX * 3);
  });

  it('limits each API key on its own', async () => {
    const spent = await registerApiKey();
    for (let i = 0; i <= MAX; i++) await get(spent);
    expectApiError(await get(spent), 429);
    const fresh = await get(await registerApiKey());
    expect(fresh.statusCode).toBe(404);
    expect(fresh.headers['ratelimit-remaining']).toBe(String(MAX - 1));
  });

  it('shares the count between api instances on one database', async () => {
    const auth = await registerApiKey();
    const other = await buildApp({ env: t.env });
    try {
      const remaining = [];
      for (const app of [t.app, other, t.app, other, t.app]) {
        remaining.push((await get(auth, app)).headers['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['4', '3', '2', '1', '0']);
      expectApiError(await get(auth, other), 429);
      expectApiError(await get(auth, t.app), 429);
    } finally {
      await other.close();
    }
  });

  it('far from the limit, lets a burst through on a store write or two, still counting down by one', async () => {
    const mongo = await connectMongo(t.env.MONGODB_URI, t.env.MONGODB_DB, { monitorCommands: true });
    let counterWrites = 0;
    mongo.client.on('commandStarted', (event) => {
      const command = event.command as { findAndModify?: string };
      if (command.findAndModify === collectionNames.rateLimitCounters) counterWrites++;
    });
    const roomy = await buildApp({ env: { ...t.env, RATE_LIMIT_MAX: 100_000 }, mongo });
    try {
      const auth = await registerApiKey();
      const remaining = [];
      for (let i = 0; i < 50; i++) remaining.push((await get(auth, roomy)).headers['ratelimit-remaining']);
      expect(remaining).toEqual(Array.from({ length: 50 }, (_, i) => String(100_000 - 1 - i)));
      // One reservation serves them all (two if the hour-long window happened to turn during the test).
      expect(counterWrites).toBeGreaterThanOrEqual(1);
      expect(counterWrites).toBeLessThanOrEqual(2);
    } finally {
      await roomy.close();
      await mongo.client.close();
    }
  });

  it('lets exactly the limit through two api instances that reserve in batches', async () => {
    const env = { ...t.env, RATE_LIMIT_MAX: 200 };
    const [one, two] = [await buildApp({ env }), await buildApp({ env })];
    try {
      const auth = await registerApiKey();
      let passed = 0;
      let limited = 0;
      for (let i = 0; i < 130; i++) {
        for (const app of [one, two]) {
          const response = await get(auth, app);
          if (response.statusCode === 404) passed++;
          else if (response.statusCode === 429) limited++;
        }
      }
      expect(passed).toBe(200);
      expect(limited).toBe(60);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('does not count or limit requests without a valid key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/system-checks/chk_missing' });
    expectApiError(response, 401);
    expect(response.headers['ratelimit-limit']).toBeUndefined();
  });

  it('limits unknown /api/v1 routes too', async () => {
    const auth = await registerApiKey();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: auth });
    expectApiError(response, 404);
    expect(response.headers['ratelimit-remaining']).toBe(String(MAX - 1));
  });

  it('never stores a 429 as the answer to an Idempotency-Key', async () => {
    const auth = await registerApiKey();
    for (let i = 0; i < MAX; i++) await get(auth);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/system-checks',
        headers: { ...auth, 'idempotency-key': 'limited-key' },
        payload: { meta: { 'delay-seconds': 0 } },
      });
    expectApiError(await post(), 429);
    expect(await t.db.collection(collectionNames.idempotencyRecords).countDocuments({ key: 'limited-key' })).toBe(0);
    expect(await t.db.collection(collectionNames.systemChecks).countDocuments()).toBe(0);
  });
});
