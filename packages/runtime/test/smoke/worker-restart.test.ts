import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { connectTemporal } from '../helpers/temporal.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startWorkerProcess } from '../helpers/worker-process.ts';

const DELAY_SECONDS = 4;

// Durability: a workflow waiting on a timer outlives the worker process that started it.
describe('worker killed while a workflow waits on a timer', () => {
  let t: TestApp;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    temporal = await connectTemporal(t.env);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await temporal.close();
    await t.close();
  });

  const getCheck = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/system-checks/${id}`, headers: t.auth })).json().data;

  it('finishes exactly once on a new worker', async () => {
    const first = await startWorkerProcess(t.env);
    workers.push(first);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system-checks',
      headers: t.auth,
      payload: { meta: { 'delay-seconds': DELAY_SECONDS } },
    });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().data.id;

    await eventually(async () => ((await temporal.historyCounts(id)).timerStarted ? true : undefined), {
      what: 'the workflow to start its timer',
    });
    await first.kill();

    // With no worker the deadline passes and nothing happens: the state is all in Temporal.
    await new Promise((resolve) => setTimeout(resolve, (DELAY_SECONDS + 1) * 1000));
    expect((await getCheck(id)).attributes.status).toBe('pending');

    workers.push(await startWorkerProcess(t.env));
    const done = await eventually(
      async () => {
        const check = await getCheck(id);
        return check.attributes.status === 'completed' ? check : undefined;
      },
      { timeoutMs: 60_000, what: 'the check to complete on the new worker' },
    );

    expect(done.attributes['activity-executions']).toBe(1);
    const waitedMs = Date.parse(done.attributes['completed-at']) - Date.parse(done.attributes['created-at']);
    expect(waitedMs).toBeGreaterThanOrEqual(DELAY_SECONDS * 1000);
    // The activity's write lands just before the workflow's final task: wait for the run itself to end.
    await temporal.client.workflow.getHandle(id).result();
    const counts = await temporal.historyCounts(id);
    expect(counts).toMatchObject({
      timerStarted: 1,
      timerFired: 1,
      activityTaskCompleted: 1,
      workflowExecutionCompleted: 1,
    });
    expect((await temporal.client.workflow.getHandle(id).describe()).status.name).toBe('COMPLETED');
  });
});
