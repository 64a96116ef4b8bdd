import { afterAll, beforeAll } from 'vitest';
import { createWorker } from '../../src/temporal/worker-factory.ts';
import { createTemplate } from './case-fixtures.ts';
import { createTestApp, type TestApp } from './test-app.ts';

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

/**
 * The usual setup of a describe block whose runs need a worker: a test app, a real worker in this process and one
 * case template, made before its tests and closed after them. Read the fields inside hooks and tests; they are
 * filled in by `beforeAll`.
 */
export function useWorkerApp(overrides: Parameters<typeof createTestApp>[0] = { RATE_LIMIT_MAX: '100000' }) {
  const ctx = {} as { t: TestApp; templateId: string };
  let worker: Awaited<ReturnType<typeof startInProcessWorker>> | undefined;
  beforeAll(async () => {
    ctx.t = await createTestApp(overrides);
    worker = await startInProcessWorker(ctx.t);
    ctx.templateId = (await createTemplate(ctx.t)).id;
  });
  afterAll(async () => {
    await worker?.stop();
    await ctx.t?.close();
  });
  return ctx;
}
