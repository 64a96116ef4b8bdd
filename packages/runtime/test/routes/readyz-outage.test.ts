import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { freePort } from '../../../../scripts/lib/ports.mjs';
import { startMongoServer, startTemporal } from '../../../../scripts/lib/services.mjs';
import { eventually } from '../helpers/eventually.ts';
import { testServices } from '../helpers/services.ts';
import { createTestEnv } from '../helpers/test-env.ts';

type Started<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

// This file stops and restarts servers, so it runs its own store and Temporal, never the shared ones.
describe('/readyz follows its dependencies without an api restart', () => {
  const services = testServices();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-readyz-'));
  let app: FastifyInstance;
  let store: Started<typeof startMongoServer> | undefined;
  let temporal: Started<typeof startTemporal>;
  let storePort: number;
  let temporalPort: number;

  const { mongoServer } = services;
  const launchStore = () => {
    if (!mongoServer) throw new Error('this test needs the local MongoDB-protocol store build');
    return startMongoServer({
      mongoServer,
      port: storePort,
      dataDir: path.join(dataDir, 'mongo'),
      echo: false,
    });
  };
  const launchTemporal = () =>
    startTemporal({
      temporalCli: services.temporalCli,
      port: temporalPort,
      uiPort: 0,
      dbFile: path.join(dataDir, 'temporal.db'),
      headless: true,
      echo: false,
    });

  const readiness = async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    return { status: response.statusCode, body: response.json() };
  };
  const becomes = (status: number, what: string) =>
    eventually(
      async () => {
        const result = await readiness();
        return result.status === status ? result.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what },
    );

  beforeAll(async () => {
    [storePort, temporalPort] = await Promise.all([freePort(), freePort()]);
    // Without a local store build (MONGODB_URI given, no Java) only the Temporal half can run.
    [store, temporal] = await Promise.all([mongoServer ? launchStore() : undefined, launchTemporal()]);
    const env = createTestEnv({
      MONGODB_URI: store?.uri ?? services.mongodbUri,
      TEMPORAL_ADDRESS: temporal.address,
    });
    app = await buildApp({ env });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([store?.proc.stop(), temporal?.proc.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is 200 while both answer', async () => {
    expect(await readiness()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { mongodb: { ok: true }, temporal: { ok: true } } },
    });
  });

  it.skipIf(!mongoServer)('turns 503 naming MongoDB when the store stops, and 200 when it is back', async () => {
    await store?.proc.stop();
    const down = await becomes(503, '503 after stopping the store');
    expect(down).toMatchObject({ status: 'unavailable', checks: { mongodb: { ok: false }, temporal: { ok: true } } });
    expect(down.checks.mongodb.error).toEqual(expect.any(String));

    store = await launchStore();
    await becomes(200, '200 after restarting the store');
  });

  it('turns 503 naming Temporal when it stops, and 200 when it is back', async () => {
    await temporal.proc.stop();
    const down = await becomes(503, '503 after stopping Temporal');
    expect(down).toMatchObject({ status: 'unavailable', checks: { mongodb: { ok: true }, temporal: { ok: false } } });

    temporal = await launchTemporal();
    await becomes(200, '200 after restarting Temporal');
  });
});
