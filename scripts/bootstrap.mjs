#!/usr/bin/env node
// Installs everything `npm start` and `npm test` need; idempotent and quick when already done.
// Usage: node scripts/bootstrap.mjs
import { main } from './lib/main.mjs';
import { ensureMongoServer } from './lib/mongo-server-build.mjs';
import { installWorkspace } from './lib/pnpm.mjs';
import { checkNode } from './lib/prerequisites.mjs';
import { ensureTemporalCli, ensureTemporalTestServer } from './lib/temporal-tools.mjs';

await main('bootstrap', async (log) => {
  checkNode();
  await installWorkspace(log);
  if (!process.env.TEMPORAL_ADDRESS) log.info(`temporal: ${await ensureTemporalCli(log)}`);
  log.info(`temporal test server: ${await ensureTemporalTestServer(log)}`);
  if (!process.env.MONGODB_URI) log.info(`mongo-server: ${(await ensureMongoServer(log)).classpath}`);
  log.info('ready');
});
