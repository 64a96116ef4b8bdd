import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyRepository } from '../../src/access/api-key-repository.ts';
import { accessCollectionNames } from '../../src/access/access-collections.ts';
import { collectionNames, type IdempotencyRecordDocument } from '../../src/platform/db/platform-collections.ts';
import { createIdempotencyRepository } from '../../src/platform/idempotency/idempotency-repository.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { UnprocessableError } from '../../src/platform/errors.ts';
import { newId } from '../../src/platform/ids.ts';
import { registerErrorHandler } from '../../src/platform/http/error-handler.ts';
import { registerIdempotency } from '../../src/platform/idempotency/idempotency.plugin.ts';
import { registerRequestId } from '../../src/platform/http/request-id.plugin.ts';
import { createApiKeyService } from '../../src/access/api-key-service.ts';
import { createIdempotencyService, requestFingerprint } from '../../src/platform/idempotency/idempotency-service.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const URL = '/api/v1/system-checks';
const BODY = { meta: { 'delay-seconds': 0 } };
const DAY_MS = 24 * 60 * 60 * 1000;

const newKey = () => `idem-${randomBytes(8).toString('hex')}`;

describe('Idempotency-Key on POST /api/v1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const post = (key: string | undefined, payload: unknown = BODY, auth = t.auth) =>
    t.app.inject({
      method: 'POST',
      url: URL,
      headers: {
        ...auth,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      payload: payload as object,
    });
  const checks = () => t.db.collection(collectionNames.systemChecks).countDocuments();
  const records = () => t.db.collection<IdempotencyRecordDocument>(collectionNames.idempotencyRecords);

  /** A second API key of this test's own. */
  async function registerApiKey() {
    const apiKeys = createApiKeyService({ apiKeys: createApiKeyRepository(t.db), clock: systemClock });
    const created = await apiKeys.create({ name: 'second', role: 'admin' }, 'usr_test');
    return { authorization: `Bearer ${created.attributes.key}` };
  }

  it('replays the first response, status and body, without a second effect', async () => {
    const key = newKey();
    const before = await checks();
    const first = await post(key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The same body with keys in another order and other whitespace is the same request.
    const again = await post(key, '{ "meta" : { "delay-seconds" : 0 } }');
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['request-id']).not.toBe(first.headers['request-id']);
    expect(await checks()).toBe(before + 1);
  });

  it('runs POSTs without the header every time', async () => {
    const before = await checks();
    const [a, b] = [await post(undefined), await post(undefined)];
    expect(a.json<{ data: { id: string } }>().data.id).not.toBe(b.json<{ data: { id: string } }>().data.id);
    expect(await checks()).toBe(before + 2);
  });

  it('answers 422 for the same key with a different body, and still replays the original', async () => {
    const key = newKey();
    const first = await post(key);
    const before = await checks();
    const [error] = expectApiError(await post(key, { meta: { 'delay-seconds': 5 } }), 422);
    expect(error?.source).toEqual({ header: 'Idempotency-Key' });
    expect(error?.details).toMatch(/different request/);
    expect((await post(key)).body).toBe(first.body);
    expect(await checks()).toBe(before);
  });

  it('gives 50 concurrent identical requests one effect and 50 identical answers', async () => {
    const key = newKey();
    const before = await checks();
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(key)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await checks()).toBe(before + 1);
  });

  it('keeps keys apart per API key', async () => {
    const key = newKey();
    const other = await registerApiKey();
    const before = await checks();
    const mine = await post(key);
    const theirs = await post(key, BODY, other);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body).not.toBe(mine.body);
    // A different body under the other key is no conflict either.
    expect((await post(newKey(), { meta: { 'delay-seconds': 1 } }, other)).statusCode).toBe(201);
    expect((await post(key, BODY, other)).body).toBe(theirs.body);
    expect((await post(key)).body).toBe(mine.body);
    expect(await checks()).toBe(before + 3);
  });

  it('stores and replays a 400 for a bad body', async () => {
    const key = newKey();
    const bad = { meta: { 'delay-seconds': 'soon' } };
    const first = await post(key, bad);
    const [error] = expectApiError(first, 400);
    expect(error?.source?.pointer).toBe('/meta/delay-seconds');
    const again = await post(key, bad);
    expectApiError(again, 400);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const record = await records().findOne({ key });
    expect(record).toMatchObject({ state: 'completed', response: { statusCode: 400 } });
  });

  it('treats a record older than 24 h as absent and replaces it', async () => {
    const key = newKey();
    const first = await post(key);
    const old = new Date(Date.now() - DAY_MS - 60_000);
    await records().updateOne({ key }, { $set: { createdAt: old, completedAt: old } });
    const before = await checks();

    const fresh = await post(key);
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.body).not.toBe(first.body);
    expect(await checks()).toBe(before + 1);
    expect(await records().countDocuments({ key })).toBe(1);
    expect((await post(key)).body).toBe(fresh.body);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a control character', 'key\twith-tab'],
  ])('answers 400 for a %s key and does nothing', async (_name, key) => {
    const before = await checks();
    const [error] = expectApiError(await post(key), 400);
    expect(error?.source).toEqual({ header: 'Idempotency-Key' });
    expect(await checks()).toBe(before);
  });

  it('accepts a key of 255 printable characters', async () => {
    expect((await post('~ !'.repeat(85))).statusCode).toBe(201);
  });

  describe('with a claim already in the database', () => {
    const claimRecord = async (key: string, lockedAt: Date) => {
      const apiKey = await t.db.collection(accessCollectionNames.apiKeys).findOne({});
      const apiKeyId = String(apiKey?._id);
      const record: IdempotencyRecordDocument = {
        _id: `${apiKeyId}:${key}`,
        apiKeyId,
        key,
        fingerprint: requestFingerprint('POST', URL, BODY),
        token: 'another-process',
        createdAt: lockedAt,
        state: 'in-flight',
        lockedAt,
      };
      await records().insertOne(record);
      return record;
    };

    it('waits for a request in flight elsewhere and replays its response', async () => {
      const key = newKey();
      const record = await claimRecord(key, new Date());
      const before = await checks();
      const waiting = post(key);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { lockedAt: _lockedAt, ...rest } = record;
      const stored = { statusCode: 201, contentType: 'application/json; charset=utf-8', body: '{"from":"elsewhere"}' };
      const completed: IdempotencyRecordDocument = {
        ...rest,
        state: 'completed',
        completedAt: new Date(),
        response: stored,
      };
      await records().replaceOne({ _id: record._id }, completed);
      const response = await waiting;
      expect(response.statusCode).toBe(201);
      expect(response.body).toBe(stored.body);
      expect(response.headers['idempotent-replayed']).toBe('true');
      expect(await checks()).toBe(before);
    });

    it('takes over the claim of a request that died more than a minute ago', async () => {
      const key = newKey();
      await claimRecord(key, new Date(Date.now() - 2 * 60_000));
      const before = await checks();
      const response = await post(key);
      expect(response.statusCode).toBe(201);
      expect(response.headers['idempotent-replayed']).toBeUndefined();
      expect(await checks()).toBe(before + 1);
      expect(await records().findOne({ key })).toMatchObject({ state: 'completed', response: { statusCode: 201 } });
    });
  });
});

describe('Idempotency-Key around handlers that fail or run long', () => {
  let t: TestApp;
  let app: FastifyInstance;
  const effects = { slow: 0, flaky: 0, refused: 0 };
  let openGate: () => void = () => undefined;

  beforeAll(async () => {
    t = await createTestApp();
    // A small app of its own: routes that fail on cue, and a short wait so the conflict comes quickly.
    app = Fastify({ logger: false, genReqId: () => newId('request') });
    registerRequestId(app);
    registerErrorHandler(app);
    app.addHook('onRequest', async (request) => {
      request.principal = { type: 'api-key', id: 'key_test', role: 'admin', name: 'test' };
    });
    const records = createIdempotencyRepository(t.db);
    registerIdempotency(app, createIdempotencyService({ records, clock: systemClock, timing: { waitTimeoutMs: 300 } }));
    app.post('/slow', async (_request, reply) => {
      effects.slow++;
      await new Promise<void>((resolve) => (openGate = resolve));
      return reply.status(201).send({ done: true });
    });
    app.post('/flaky', async (_request, reply) => {
      effects.flaky++;
      if (effects.flaky === 1) throw new Error('database briefly unreachable');
      return reply.status(201).send({ attempt: effects.flaky });
    });
    app.post('/refused', async () => {
      effects.refused++;
      throw new UnprocessableError('Not today.', '/data');
    });
    await app.ready();
  });
  afterEach(() => openGate());
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const post = (url: string, key: string) =>
    app.inject({ method: 'POST', url, headers: { 'idempotency-key': key }, payload: { any: 'thing' } });

  it('answers 409 when the first request is still running after the wait, then replays it', async () => {
    const key = newKey();
    const first = post('/slow', key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [error] = expectApiError(await post('/slow', key), 409);
    expect(error?.source).toEqual({ header: 'Idempotency-Key' });
    openGate();
    expect((await first).statusCode).toBe(201);
    const replay = await post('/slow', key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(effects.slow).toBe(1);
  });

  it('does not store a 5xx, so a retry with the same key can succeed', async () => {
    const key = newKey();
    expectApiError(await post('/flaky', key), 500);
    expect(await t.db.collection(collectionNames.idempotencyRecords).countDocuments({ key })).toBe(0);
    const retry = await post('/flaky', key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect((await post('/flaky', key)).body).toBe(retry.body);
    expect(effects.flaky).toBe(2);
  });

  it('stores an error a handler throws (4xx) and replays it without running the handler again', async () => {
    const key = newKey();
    const first = await post('/refused', key);
    expectApiError(first, 422);
    const again = await post('/refused', key);
    expectApiError(again, 422);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(effects.refused).toBe(1);
  });
});
