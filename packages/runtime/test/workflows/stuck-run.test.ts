import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { api, getRun, publishWorkflow, triggerRun } from '../helpers/workflow-fixtures.ts';

const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  position: { x, y: 0 },
  params,
});

// A run whose workflow task keeps failing (here: a plan the store handed over damaged, so the interpreter throws a
// TypeError) is retried by Temporal for ever and would look merely slow; the run view says it is stuck, and why.
describe('a run that cannot make progress', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('shows as stuck with the reason in the run view, and can be canceled', { timeout: 90_000 }, async () => {
    const nodes = [node('trigger', 'trigger.api', { fields: [] }, 0), node('done', 'end', {}, 1)];
    const { workflowId } = await publishWorkflow(t, {
      name: 'Damaged',
      graph: { nodes, edges: [{ id: 'e0', source: 'trigger', target: 'done' }] },
    });
    // A run recorded as usual, whose workflow then gets a damaged plan (as a bug in the worker or a corrupted input
    // would give it): the interpreter throws a TypeError on its first step, in every attempt.
    const { id: template } = await triggerRun(t, workflowId, {});
    const runs = t.db.collection<{ _id: string; status: string }>('workflow_runs');
    const recorded = await runs.findOne({ _id: template });
    if (!recorded) throw new Error(`run ${template} was not recorded`);
    const runId = `${template}x`;
    await runs.insertOne({ ...recorded, _id: runId, status: 'in_progress' });
    const connection = await Connection.connect({ address: t.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: t.env.TEMPORAL_NAMESPACE });
      await client.workflow.start('runPlan', {
        workflowId: runId,
        taskQueue: t.env.TEMPORAL_TASK_QUEUE,
        args: [{ runId, workflowId, plan: { version: 1, trigger: 'trigger', steps: null }, trigger: {} }],
      });
    } finally {
      await connection.close();
    }
    const run = { id: runId };

    const stuck = await eventually(
      async () => {
        const current = await getRun(t, run.id);
        return current.attributes.stuck ? current : undefined;
      },
      { timeoutMs: 60_000, what: `run ${run.id} to show as stuck` },
    );
    expect(stuck.attributes.status).toBe('in_progress');
    expect(stuck.attributes.stuck?.reason).toMatch(/^its workflow task fails: .*null/);
    expect(stuck.attributes.stuck?.['failed-attempts']).toBeGreaterThanOrEqual(1);

    const canceled = await api(t, 'POST', `/workflow-runs/${run.id}/cancel`);
    expect(canceled.statusCode, canceled.body).toBe(200);
  });
});
