import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb } from '../../../scripts/lib/ferretdb-build.mjs';
import { createLog } from '../../../scripts/lib/log.mjs';
import { freePort } from '../../../scripts/lib/ports.mjs';
import { startFerretdb, startTemporal } from '../../../scripts/lib/services.mjs';
import { ensureTemporalCli, ensureTemporalTestServer } from '../../../scripts/lib/temporal-tools.mjs';
import type { TestServices } from './helpers/services.ts';

/**
 * One FerretDB and one Temporal dev server for the whole run, on free ports with throwaway data —
 * or the ones `npm test` (or the caller) already started, given by MONGODB_URI and TEMPORAL_ADDRESS.
 */
export default async function setup(project: TestProject) {
  const log = createLog('runtime tests');
  const temporalCli = await ensureTemporalCli(log);
  const temporalTestServer = await ensureTemporalTestServer(log);
  // With MONGODB_URI given, FerretDB is optional (only the outage test needs one it may stop).
  const ferretdbBinary = process.env.MONGODB_URI
    ? await ensureFerretdb(log).catch((error: Error) => (log.warn(error.message), null))
    : await ensureFerretdb(log);
  const stops: (() => Promise<unknown>)[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-test-'));

  let mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) {
    const ferretdb = await startFerretdb({
      ferretdbBinary: ferretdbBinary ?? (await ensureFerretdb(log)),
      port: await freePort(),
      dataDir: path.join(dataDir, 'ferretdb'),
      echo: false,
    });
    stops.push(() => ferretdb.proc.stop());
    mongodbUri = ferretdb.uri;
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

  const services: TestServices = { mongodbUri, temporalAddress, temporalCli, temporalTestServer, ferretdbBinary };
  project.provide('services', services);

  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
