import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle } from '../../src/temporal/client.ts';
import { createTemplate } from '../helpers/case-fixtures.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { connectTemporal } from '../helpers/temporal.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  chainGraph as chain,
  getRun,
  graphNode as node,
  publishWorkflow,
  runReaches,
  stepOf,
  triggerRun,
  type GraphJson,
  type RunBody,
} from '../helpers/workflow-fixtures.ts';

type ChildRunBody = RunBody & {
  attributes: RunBody['attributes'] & { 'parent-run-id': string | null; 'workflow-id': string };
};

interface CallOutput {
  'run-id': string;
  'workflow-id': string;
  'version-number': number;
  status: string;
  'case-ids': string[];
  error: string | null;
}

/** trigger → call → condition on the call's output: `ok` when `when` holds, else `other`. */
function callThenBranch(call: ReturnType<typeof node>, when: string, fields: object[] = []): GraphJson {
  return {
    nodes: [
      node('trigger', 'trigger.api', { fields }, 0),
      call,
      node('check', 'logic.condition', { routes: [{ id: 'yes', label: 'Yes', when }] }, 400),
      node('ok', 'end', {}, 600),
      node('other', 'end', {}, 600),
    ],
    edges: [
      { id: 'e1', source: 'trigger', target: call.id },
      { id: 'e2', source: call.id, target: 'check' },
      { id: 'e3', source: 'check', sourceHandle: 'yes', target: 'ok' },
      { id: 'e4', source: 'check', sourceHandle: 'else', target: 'other' },
    ],
  };
}

const callNode = (workflowId: string, params: Record<string, unknown> = {}) =>
  node('call', 'flow.run-workflow', { 'workflow-id': workflowId, ...params }, 200);

describe('flow.run-workflow', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let templateId: string;
  /** Child: creates a case with the amount it is given, then ends. */
  let childId: string;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    worker = await startInProcessWorker(t);
    temporal = await connectTemporal(t.env);
    templateId = (await createTemplate(t)).id;
    childId = (
      await publishWorkflow(t, {
        name: 'Open a review',
        graph: chain([
          node(
            'trigger',
            'trigger.api',
            {
              fields: [
                { key: 'amount', type: 'number', required: true },
                { key: 'note', type: 'string', required: false },
              ],
            },
            0,
          ),
          node(
            'create',
            'case.create',
            { 'case-template-id': templateId, fields: { amount: '{{ trigger.amount }}' } },
            200,
          ),
          node('done', 'end', {}, 400),
        ]),
      })
    ).workflowId;
  });

  afterAll(async () => {
    await temporal?.close();
    await worker?.stop();
    await t?.close();
  });

  it('runs the child with mapped input, waits for it, and a later condition reads its output', async () => {
    const { workflowId: parentId } = await publishWorkflow(t, {
      name: 'Parent waits',
      graph: callThenBranch(
        callNode(childId, { input: { amount: '{{ trigger.amount * 2 }}', note: 'from the parent' } }),
        '{{ steps.call.status = "completed" and $count(steps.call."case-ids") = 1 }}',
        [{ key: 'amount', type: 'number', required: true }],
      ),
    });
    const parent = await runReaches(t, (await triggerRun(t, parentId, { amount: 21 })).id, ['completed']);
    expect(stepOf(parent, 'ok').status).toBe('completed');
    expect(stepOf(parent, 'other').status).toBe('skipped');
    const output = stepOf(parent, 'call').output as CallOutput;
    expect(output).toMatchObject({ 'workflow-id': childId, 'version-number': 1, status: 'completed', error: null });

    // The child is a run of the other workflow, with its own record, in that workflow's run list.
    const child = (await getRun(t, output['run-id'])) as ChildRunBody;
    expect(child.attributes).toMatchObject({
      status: 'completed',
      'workflow-id': childId,
      'trigger-kind': 'workflow',
      'parent-run-id': parent.id,
      trigger: { amount: 42, note: 'from the parent' },
      'case-ids': output['case-ids'],
    });
    const kase = await api(t, 'GET', `/cases/${String(output['case-ids'][0])}`);
    expect((kase.json() as { data: { attributes: { fields: unknown } } }).data.attributes.fields).toMatchObject({
      amount: { value: 42 },
    });
    const list = await api(t, 'GET', `/workflow-runs?filter[workflow-id]=${childId}&page[size]=100`);
    expect((list.json() as { data: { id: string }[] }).data.map((run) => run.id)).toContain(child.id);

    // In Temporal it is the parent's child workflow.
    const described = await temporal.client.workflow.getHandle(child.id).describe();
    expect(described.parentExecution?.workflowId).toBe(parent.id);
  });

  it('fire and forget: the parent goes on at once and the child runs to its end on its own', async () => {
    const { workflowId: slowChildId } = await publishWorkflow(t, {
      name: 'Slow child',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [] }, 0),
        node('pause', 'wait.duration', { duration: { amount: 2, unit: 'seconds' } }, 200),
        node('done', 'end', {}, 400),
      ]),
    });
    const { workflowId: parentId } = await publishWorkflow(t, {
      name: 'Parent does not wait',
      graph: callThenBranch(callNode(slowChildId, { 'wait-for-result': false }), '{{ steps.call.status = "started" }}'),
    });
    const parent = await runReaches(t, (await triggerRun(t, parentId, {})).id, ['completed']);
    expect(stepOf(parent, 'ok').status).toBe('completed');
    const childRunId = (stepOf(parent, 'call').output as CallOutput)['run-id'];
    expect((await getRun(t, childRunId)).attributes.status).toMatch(/in_progress|waiting/);
    const child = (await runReaches(t, childRunId, ['completed'])) as ChildRunBody;
    expect(child.attributes['parent-run-id']).toBe(parent.id);
    const described = await temporal.client.workflow.getHandle(childRunId).describe();
    expect(described.parentExecution?.workflowId).toBe(parent.id);
  });

  it('a child that errors fails the step and the parent, unless the step continues on error', async () => {
    const { workflowId: failingId } = await publishWorkflow(t, {
      name: 'Failing child',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [] }, 0),
        node('create', 'case.create', { 'case-template-id': templateId, fields: { amount: 1 } }, 200),
        node('status', 'case.set-status', { case: { node: 'create' }, status: '{{ "no-such-status" }}' }, 400),
        node('done', 'end', {}, 600),
      ]),
    });
    const { workflowId: strictId } = await publishWorkflow(t, {
      name: 'Parent fails with its child',
      graph: callThenBranch(callNode(failingId), '{{ true }}'),
    });
    const strict = await runReaches(t, (await triggerRun(t, strictId, {})).id, ['errored']);
    expect(stepOf(strict, 'call')).toMatchObject({ status: 'errored' });
    expect(stepOf(strict, 'call').error).toMatch(/child run wfr_\S+ failed: step status: .*no-such-status/);
    expect(stepOf(strict, 'check').status).toBe('skipped');
    const childRunId = (stepOf(strict, 'call').output as CallOutput)['run-id'];
    expect((await getRun(t, childRunId)).attributes.status).toBe('errored');

    const { workflowId: lenientId } = await publishWorkflow(t, {
      name: 'Parent goes on',
      graph: callThenBranch(callNode(failingId, { 'continue-on-error': true }), '{{ steps.call.status = "errored" }}'),
    });
    const lenient = await runReaches(t, (await triggerRun(t, lenientId, {})).id, ['completed']);
    expect(stepOf(lenient, 'call').status).toBe('errored');
    expect(stepOf(lenient, 'ok').status).toBe('completed');
  });

  it('input that does not fit the child trigger fails the step with the field named, and starts no child', async () => {
    const { workflowId: parentId } = await publishWorkflow(t, {
      name: 'Parent maps badly',
      graph: callThenBranch(callNode(childId, { input: { amount: '{{ "lots" }}' } }), '{{ true }}'),
    });
    const parent = await runReaches(t, (await triggerRun(t, parentId, {})).id, ['errored']);
    expect(stepOf(parent, 'call').error).toMatch(/input\.amount: .*number/);
    expect((stepOf(parent, 'call').output as CallOutput)['run-id']).toBeNull();
  });

  it('workflows calling each other in a circle stop at the depth limit with a clear error', async () => {
    const a = await publishWorkflow(t, {
      name: 'Ping',
      graph: chain([node('trigger', 'trigger.api', { fields: [] }, 0), node('done', 'end', {}, 200)]),
    });
    const b = await publishWorkflow(t, {
      name: 'Pong',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [] }, 0),
        callNode(a.workflowId),
        node('done', 'end', {}, 400),
      ]),
    });
    // Ping v2 calls Pong, which calls Ping: a circle the compiler cannot see (not a direct self-call).
    const graph = chain([
      node('trigger', 'trigger.api', { fields: [] }, 0),
      callNode(b.workflowId),
      node('done', 'end', {}, 400),
    ]);
    expect(
      (await api(t, 'PUT', `/workflows/${a.workflowId}/draft`, { data: { attributes: { graph } } })).statusCode,
    ).toBe(200);
    expect((await api(t, 'POST', `/workflows/${a.workflowId}/publish`, {})).statusCode).toBe(201);

    const run = await runReaches(t, (await triggerRun(t, a.workflowId, {})).id, ['errored'], { timeoutMs: 60_000 });
    expect(run.attributes.error).toContain('workflow calls nest deeper than 5');
    expect(run.attributes.error).toContain(`${a.workflowId} → ${b.workflowId}`);
  });

  it('the compiler refuses a workflow that calls itself, and one that does not exist', async () => {
    const created = await api(t, 'POST', '/workflows', { data: { attributes: { name: 'Narcissus' } } });
    const selfId = (created.json() as { data: { id: string } }).data.id;
    const graph = (target: string) =>
      chain([node('trigger', 'trigger.api', { fields: [] }, 0), callNode(target), node('done', 'end', {}, 400)]);
    for (const [target, code] of [
      [selfId, 'self-call'],
      ['wfl_nobodyhome000000000000', 'unknown-workflow'],
    ] as const) {
      await api(t, 'PUT', `/workflows/${selfId}/draft`, { data: { attributes: { graph: graph(target) } } });
      const published = await api(t, 'POST', `/workflows/${selfId}/publish`, {});
      expect(published.statusCode).toBe(422);
      expect(published.json()).toMatchObject({
        errors: [{ title: code, source: { pointer: '/data/attributes/graph/nodes/1/params/workflow-id' } }],
      });
    }
  });

  it('in a loop of three at once, each iteration starts a child run of its own', async () => {
    const { workflowId: parentId } = await publishWorkflow(t, {
      name: 'Parent loops over amounts',
      graph: {
        nodes: [
          node('trigger', 'trigger.api', { fields: [] }, 0),
          node(
            'loop',
            'logic.for-each',
            { items: '{{ [10, 20, 30] }}', concurrency: 3, result: '{{ steps.call."run-id" }}' },
            200,
          ),
          callNode(childId, { input: { amount: '{{ item }}' } }),
          node('join', 'logic.join', {}, 400),
          node('done', 'end', {}, 600),
        ],
        edges: [
          { id: 'e1', source: 'trigger', target: 'loop' },
          { id: 'e2', source: 'loop', sourceHandle: 'body', target: 'call' },
          { id: 'e3', source: 'call', target: 'join' },
          { id: 'e4', source: 'join', target: 'done' },
        ],
      },
    });
    const parent = await runReaches(t, (await triggerRun(t, parentId, {})).id, ['completed']);
    const childRunIds = (stepOf(parent, 'loop').output as { results: string[] }).results;
    expect(new Set(childRunIds).size).toBe(3);
    const amounts = [];
    for (const childRunId of childRunIds) {
      const child = (await runReaches(t, childRunId, ['completed'])) as ChildRunBody;
      expect(child.attributes['parent-run-id']).toBe(parent.id);
      amounts.push((child.attributes.trigger as { amount: number }).amount);
    }
    expect(amounts).toEqual([10, 20, 30]);
  });

  it('records the child once: a retried prepare finds the run the first attempt wrote', async () => {
    const handle = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    try {
      const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal: handle });
      const prepare = workerActivities(domains, { db: t.db, clock: systemClock }).prepareChildRun;
      if (!prepare) throw new Error('the worker has no child run activity');
      const request = {
        parentRunId: 'wfr_parentofretriedchild0001',
        nodeId: 'call',
        startedAt: Date.now(),
        workflowId: childId,
        input: { amount: 5 },
      };
      const attempt = (number: number) =>
        new MockActivityEnvironment({ attempt: number }).run(prepare, request) as ReturnType<typeof prepare>;
      const first = await attempt(1);
      const second = await attempt(2);
      expect(second).toEqual(first);
      expect(first.runId).toMatch(/^wfr_/);
      const record = await getRun(t, first.runId);
      expect(record.attributes).toMatchObject({
        status: 'in_progress',
        'trigger-kind': 'workflow',
        trigger: { amount: 5 },
      });
      const events = await api(t, 'GET', `/events?filter[name]=workflow-run.created&page[size]=100`);
      const created = (events.json() as { data: { attributes: { payload: unknown }; relationships?: unknown }[] }).data;
      expect(created.filter((event) => JSON.stringify(event).includes(first.runId))).toHaveLength(1);
    } finally {
      await handle.connection.close();
    }
  });
});
