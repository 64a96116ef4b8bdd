import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutBucket } from '../../src/workflows/rollout.ts';
import { uniqueKey } from '../helpers/case-fixtures.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  chainGraph as chain,
  graphNode as node,
  publishWorkflow,
  triggerRun,
} from '../helpers/workflow-fixtures.ts';

interface VersionBody {
  id: string;
  attributes: { number: number; 'traffic-percent': number };
}
interface WorkflowBody {
  attributes: {
    'live-version-number': number | null;
    rollout: { percent: number; 'previous-version-number': number } | null;
  };
}

const graph = (label: string) =>
  chain([node('trigger', 'trigger.api', { fields: [] }, 0), { ...node('done', 'end', {}, 200), label }]);

describe('staged rollout', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    worker = await startInProcessWorker(t);
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const split = async (workflowId: string) =>
    Object.fromEntries(
      ((await api(t, 'GET', `/workflows/${workflowId}/versions`)).json() as { data: VersionBody[] }).data.map(
        (version) => [version.attributes.number, version.attributes['traffic-percent']],
      ),
    );
  const publish = (workflowId: string, meta: object) => api(t, 'POST', `/workflows/${workflowId}/publish`, { meta });
  const setRollout = (workflowId: string, percent: unknown) =>
    api(t, 'POST', `/workflows/${workflowId}/rollout`, { meta: { 'rollout-percent': percent } });
  const versionsOf = async (workflowId: string, count: number) => {
    const runs = [];
    for (let index = 0; index < count; index++) {
      const run = await triggerRun(t, workflowId, {});
      runs.push({
        id: run.id,
        version: (run.attributes as unknown as { 'workflow-version-number': number })['workflow-version-number'],
      });
    }
    return runs;
  };

  it('splits new runs at 30 % by run id, shows the split, undoes at 0 % and finishes at 100 %', async () => {
    const { workflowId } = await publishWorkflow(t, { name: 'Rolled out', graph: graph('v1') });
    await api(t, 'PUT', `/workflows/${workflowId}/draft`, { data: { attributes: { graph: graph('v2') } } });
    const published = await publish(workflowId, { notes: 'try v2 on some runs', 'rollout-percent': 30 });
    expect(published.statusCode, published.body).toBe(201);
    expect((published.json() as { data: VersionBody }).data.attributes).toMatchObject({
      number: 2,
      'traffic-percent': 30,
    });
    expect(await split(workflowId)).toEqual({ 1: 70, 2: 30 });
    const workflow = (await api(t, 'GET', `/workflows/${workflowId}`)).json() as { data: WorkflowBody };
    expect(workflow.data.attributes).toMatchObject({
      'live-version-number': 2,
      rollout: { percent: 30, 'previous-version-number': 1 },
    });

    // Each run lands where its id's bucket says: below 30 on v2, else v1; about 30 % of them on v2.
    const runs = await versionsOf(workflowId, 60);
    for (const run of runs) expect(run.version).toBe(rolloutBucket(run.id) < 30 ? 2 : 1);
    const onNew = runs.filter((run) => run.version === 2).length;
    expect(onNew).toBeGreaterThanOrEqual(6);
    expect(onNew).toBeLessThanOrEqual(32);

    // The same run id (an Idempotency-Key replay) is the same run on the same version.
    const key = { 'Idempotency-Key': uniqueKey('ROLL') };
    const first = await triggerRun(t, workflowId, {}, key);
    const again = await triggerRun(t, workflowId, {}, key);
    expect(again.id).toBe(first.id);
    expect(again.attributes['workflow-version-id']).toBe(first.attributes['workflow-version-id']);

    // 0 %: every new run on the previous version, the rollout kept to raise again.
    expect((await setRollout(workflowId, 0)).statusCode).toBe(200);
    expect(await split(workflowId)).toEqual({ 1: 100, 2: 0 });
    expect(new Set((await versionsOf(workflowId, 10)).map((run) => run.version))).toEqual(new Set([1]));

    // 100 %: finished; the previous version gets no more runs and there is nothing left to change.
    const finished = await setRollout(workflowId, 100);
    expect(finished.statusCode).toBe(200);
    expect((finished.json() as { data: WorkflowBody }).data.attributes.rollout).toBeNull();
    expect(await split(workflowId)).toEqual({ 1: 0, 2: 100 });
    expect(new Set((await versionsOf(workflowId, 10)).map((run) => run.version))).toEqual(new Set([2]));
    const none = await setRollout(workflowId, 50);
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      errors: [{ title: 'Conflict', details: expect.stringContaining('no rollout') as string }],
    });
  });

  it('a publish during an undone rollout rolls out from the version still serving runs; bad percentages are 400', async () => {
    const { workflowId } = await publishWorkflow(t, { name: 'Rolled back', graph: graph('v1') });
    await publish(workflowId, { 'rollout-percent': 50 });
    await setRollout(workflowId, 0);
    const third = await publish(workflowId, { 'rollout-percent': 10 });
    expect(third.statusCode).toBe(201);
    expect(await split(workflowId)).toEqual({ 1: 90, 2: 0, 3: 10 });
    expect(await publish(workflowId, {})).toHaveProperty('statusCode', 201);
    expect(await split(workflowId)).toEqual({ 1: 0, 2: 0, 3: 0, 4: 100 });

    for (const bad of [101, -1, 2.5, '50']) {
      const response = await setRollout(workflowId, bad);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errors: [{ source: { pointer: '/meta/rollout-percent' } }] });
    }
    expect((await publish(workflowId, { 'rollout-percent': 120 })).statusCode).toBe(400);
    expect((await setRollout('wfl_nobodyhome000000000000', 50)).statusCode).toBe(404);
  });

  it('the first publish has nothing to split with: every run on it', async () => {
    const created = await api(t, 'POST', '/workflows', { data: { attributes: { name: 'Fresh', graph: graph('v1') } } });
    const workflowId = (created.json() as { data: { id: string } }).data.id;
    expect((await publish(workflowId, { 'rollout-percent': 30 })).statusCode).toBe(201);
    expect(await split(workflowId)).toEqual({ 1: 100 });
    expect(new Set((await versionsOf(workflowId, 5)).map((run) => run.version))).toEqual(new Set([1]));
  });
});
