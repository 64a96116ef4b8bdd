import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startWorkerProcess } from '../helpers/worker-process.ts';
import { publishWorkflow, runReaches, triggerRun } from '../helpers/workflow-fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  position: { x, y: 0 },
  params,
});

// Durability of runs: the worker process is SIGKILLed in the middle of runs (between steps, during a durable
// timer, possibly during an activity); a new worker finishes each run — no step lost, none done twice.
describe('a worker killed mid-run', () => {
  let t: TestApp;
  const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await t?.close();
  });

  it('finishes every run on a new worker, each step applied exactly once', { timeout: 180_000 }, async () => {
    const templateId = (await createTemplate(t)).id;
    const nodes = [
      node('trigger', 'trigger.api', { fields: [{ key: 'amount', type: 'number', required: true }] }, 0),
      node('create', 'case.create', { 'case-template-id': templateId, fields: { amount: '{{ trigger.amount }}' } }, 1),
      node('pause', 'wait.duration', { duration: { amount: 4, unit: 'seconds' } }, 2),
      node(
        'note',
        'case.update-fields',
        { case: { node: 'create' }, operations: [{ field: 'flags', op: 'push', value: 'checked' }] },
        3,
      ),
      node('comment', 'case.add-comment', { case: { node: 'note' }, body: 'Checked {{ steps.create.case.name }}' }, 4),
      node('done', 'end', {}, 5),
    ];
    const edges = nodes.slice(1).map((target, i) => ({ id: `e${i}`, source: String(nodes[i]?.id), target: target.id }));
    const { workflowId } = await publishWorkflow(t, { name: 'Crash me', graph: { nodes, edges } });

    const first = await startWorkerProcess(t.env);
    workers.push(first);
    const waiting = await triggerRun(t, workflowId, { amount: 1 });
    await runReaches(t, waiting.id, ['waiting'], { nodeId: 'pause', stepStatus: 'waiting' });
    const justStarted = await triggerRun(t, workflowId, { amount: 2 });
    await first.kill();

    // The timer of the first run fires while no worker is alive.
    await sleep(5_000);
    workers.push(await startWorkerProcess(t.env));

    for (const run of [waiting, justStarted]) {
      const done = await runReaches(t, run.id, ['completed'], { timeoutMs: 120_000 });
      const [caseId] = done.attributes['case-ids'];
      expect(done.attributes['case-ids']).toHaveLength(1);
      const events = await caseEvents(t, String(caseId));
      expect(events.filter((name) => name === 'case.created')).toHaveLength(1);
      expect(events.filter((name) => name === 'case.fields-updated')).toHaveLength(1);
      expect(events.filter((name) => name === 'case.commented')).toHaveLength(1);
    }
    expect(await t.db.collection('cases').countDocuments({ templateId })).toBe(2);
  });
});
