import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLog } from '../../../scripts/lib/log.mjs';
import { ensureMongoServer } from '../../../scripts/lib/mongo-server-build.mjs';
import { freePort } from '../../../scripts/lib/ports.mjs';
import { startMongoServer, startTemporal } from '../../../scripts/lib/services.mjs';
import { ensureTemporalCli, ensureTemporalTestServer } from '../../../scripts/lib/temporal-tools.mjs';
import type { TestServices } from './helpers/services.ts';

/**
 * One MongoDB-protocol store and one Temporal dev server for the whole run, on free ports with throwaway data —
 * or the ones `npm test` (or the caller) already started, given by MONGODB_URI and TEMPORAL_ADDRESS.
 */
export default async function setup(project: TestProject) {
  const log = createLog('runtime tests');
  const temporalCli = await ensureTemporalCli(log);
  const temporalTestServer = await ensureTemporalTestServer(log);
  // With MONGODB_URI given, the local store is optional (only the tests that stop or kill one need it).
  const mongoServer = process.env.MONGODB_URI
    ? await ensureMongoServer(log).catch((error: Error) => (log.warn(error.message), null))
    : await ensureMongoServer(log);
  const stops: (() => Promise<unknown>)[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-test-'));

  let mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) {
    const store = await startMongoServer({
      mongoServer: mongoServer ?? (await ensureMongoServer(log)),
      port: await freePort(),
      dataDir: path.join(dataDir, 'mongo'),
      echo: false,
    });
    stops.push(() => store.proc.stop());
    mongodbUri = store.uri;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const temporal = await startTemporal({
      temporalCli,
      port: await freePort(),
      uiPort: 0,
      dbFile: path.join(dataDir, 'temporal.db'),
      headless: true,
      echo: false,
    });
    stops.push(() => temporal.proc.stop());
    temporalAddress = temporal.address;
  }

  const services: TestServices = { mongodbUri, temporalAddress, temporalCli, temporalTestServer, mongoServer };
  project.provide('services', services);

  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
