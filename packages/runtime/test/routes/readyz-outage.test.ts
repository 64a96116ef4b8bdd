import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { freePort } from '../../../../scripts/lib/ports.mjs';
import { startFerretdb, startTemporal } from '../../../../scripts/lib/services.mjs';
import { eventually } from '../helpers/eventually.ts';
import { testServices } from '../helpers/services.ts';
import { createTestEnv } from '../helpers/test-env.ts';

type Started<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

// This file stops and restarts servers, so it runs its own FerretDB and Temporal, never the shared ones.
describe('/readyz follows its dependencies without an api restart', () => {
  const services = testServices();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-readyz-'));
  let app: FastifyInstance;
  let ferretdb: Started<typeof startFerretdb> | undefined;
  let temporal: Started<typeof startTemporal>;
  let ferretdbPort: number;
  let temporalPort: number;

  const { ferretdbBinary } = services;
  const launchFerretdb = () => {
    if (!ferretdbBinary) throw new Error('this test needs the local FerretDB build');
    return startFerretdb({
      ferretdbBinary,
      port: ferretdbPort,
      dataDir: path.join(dataDir, 'ferretdb'),
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
    [ferretdbPort, temporalPort] = await Promise.all([freePort(), freePort()]);
    // Without a local FerretDB build (MONGODB_URI given, no Go) only the Temporal half can run.
    [ferretdb, temporal] = await Promise.all([ferretdbBinary ? launchFerretdb() : undefined, launchTemporal()]);
    const env = createTestEnv({
      MONGODB_URI: ferretdb?.uri ?? services.mongodbUri,
      TEMPORAL_ADDRESS: temporal.address,
    });
    app = await buildApp({ env });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([ferretdb?.proc.stop(), temporal?.proc.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is 200 while both answer', async () => {
    expect(await readiness()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { mongodb: { ok: true }, temporal: { ok: true } } },
    });
  });

  it.skipIf(!ferretdbBinary)('turns 503 naming MongoDB when FerretDB stops, and 200 when it is back', async () => {
    await ferretdb?.proc.stop();
    const down = await becomes(503, '503 after stopping FerretDB');
    expect(down).toMatchObject({ status: 'unavailable', checks: { mongodb: { ok: false }, temporal: { ok: true } } });
    expect(down.checks.mongodb.error).toEqual(expect.any(String));

    ferretdb = await launchFerretdb();
    await becomes(200, '200 after restarting FerretDB');
  });

  it('turns 503 naming Temporal when it stops, and 200 when it is back', async () => {
    await temporal.proc.stop();
    const down = await becomes(503, '503 after stopping Temporal');
    expect(down).toMatchObject({ status: 'unavailable', checks: { mongodb: { ok: true }, temporal: { ok: false } } });

    temporal = await launchTemporal();
    await becomes(200, '200 after restarting Temporal');
  });
});
