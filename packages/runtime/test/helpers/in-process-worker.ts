import { createWorker } from '../../src/temporal/worker-factory.ts';
import type { TestApp } from './test-app.ts';

/** A real worker, in the test's process, on the test app's database and task queue. `stop()` drains and closes it. */
export async function startInProcessWorker(t: TestApp) {
  const { worker, close } = await createWorker({
    db: t.db,
    address: t.env.TEMPORAL_ADDRESS,
    namespace: t.env.TEMPORAL_NAMESPACE,
    taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    http: { secretsKey: t.env.CASEWORK_SECRETS_KEY, allowlist: t.env.CASEWORK_HTTP_ALLOW },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await close();
    },
  };
}
