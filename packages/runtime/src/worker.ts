import { loadEnv } from './config/env.ts';
import { ensureStoreIndexes } from './composition.ts';
import { connectMongo } from './platform/db/mongo.ts';
import { createWorker } from './temporal/worker-factory.ts';

// Worker process entry point. Temporal's runtime handles SIGINT/SIGTERM: the worker stops polling,
// lets running activities finish, and `run()` resolves.
const env = loadEnv();
const mongo = await connectMongo(env.MONGODB_URI, env.MONGODB_DB);
await ensureStoreIndexes(mongo.db);
const { worker, close } = await createWorker({
  db: mongo.db,
  address: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  http: { secretsKey: env.CASEWORK_SECRETS_KEY, allowlist: env.CASEWORK_HTTP_ALLOW },
});
console.log(
  `casework worker running on task queue ${env.TEMPORAL_TASK_QUEUE} (${env.TEMPORAL_ADDRESS}, namespace ${env.TEMPORAL_NAMESPACE})`,
);
try {
  await worker.run();
} finally {
  await close();
  await mongo.client.close();
}
