// Records a finished workflow's history into test/histories/, where the replay test replays it on every
// `npm test` — so a change that breaks determinism for runs already in flight fails before it ships.
// Usage (against a running stack): node --import tsx scripts/record-history.ts <workflow id> <file name>
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { loadEnv } from '../src/config/env.ts';

const [workflowId, name] = process.argv.slice(2);
if (!workflowId || !name) {
  console.error('usage: record-history.ts <workflow id> <file name, e.g. system-check.timer>');
  process.exit(2);
}
const env = loadEnv({ MONGODB_URI: 'mongodb://unused', ...process.env });
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
try {
  const handle = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }).workflow.getHandle(workflowId);
  const history = await handle.fetchHistory();
  const file = path.join(import.meta.dirname, '..', 'test', 'histories', `${name}.json`);
  writeFileSync(file, `${historyToJSON(history)}\n`);
  console.log(`recorded ${history.events?.length ?? 0} events of ${workflowId} into ${file}`);
} finally {
  await connection.close();
}
