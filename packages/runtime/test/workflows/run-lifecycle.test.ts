import { describe, expect, it } from 'vitest';
import { caseEvents, type CaseBody } from '../helpers/case-fixtures.ts';
import { useWorkerApp } from '../helpers/in-process-worker.ts';
import { eventually } from '../helpers/eventually.ts';
import { api, publishWorkflow, runReaches, stepOf, type RunBody } from '../helpers/workflow-fixtures.ts';

const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  label: `Step ${id}`,
  position: { x, y: 0 },
  params,
});
const chain = (nodes: ReturnType<typeof node>[]) => ({
  nodes,
  edges: nodes
    .slice(1)
    .map((target, index) => ({ id: `e${index}`, source: String(nodes[index]?.id), target: target.id })),
});
const trigger = node('trigger', 'trigger.api', { fields: [{ key: 'amount', type: 'number', required: true }] }, 0);

describe('workflow runs', () => {
  const app = useWorkerApp();

  const trigger201 = async (workflowId: string, amount: number, headers: Record<string, string> = {}) => {
    const response = await api(
      app.t,
      'POST',
      `/workflows/${workflowId}/trigger`,
      { data: { attributes: { fields: { amount } } } },
      headers,
    );
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { data: RunBody }).data;
  };

  const createCaseWorkflow = () =>
    publishWorkflow(app.t, {
      name: 'Create a case',
      graph: chain([
        trigger,
        node(
          'create',
          'case.create',
          { 'case-template-id': app.templateId, fields: { amount: '{{ trigger.amount }}' } },
          200,
        ),
        node('done', 'end', {}, 400),
      ]),
    });

  it(
    'starts 100 runs for 100 concurrent triggers with distinct keys, and 1 run for 100 with one key',
    { timeout: 300_000 },
    async () => {
      const { workflowId } = await createCaseWorkflow();
      const distinct = await Promise.all(
        Array.from({ length: 100 }, (_, i) => trigger201(workflowId, i, { 'idempotency-key': `distinct-${i}` })),
      );
      expect(new Set(distinct.map((run) => run.id)).size).toBe(100);
      const same = await Promise.all(
        Array.from({ length: 100 }, () => trigger201(workflowId, 7, { 'idempotency-key': 'one-key' })),
      );
      expect(new Set(same.map((run) => run.id)).size).toBe(1);

      await eventually(
        async () =>
          (await app.t.db.collection('workflow_runs').countDocuments({ workflowId, status: 'completed' })) === 101
            ? true
            : undefined,
        { timeoutMs: 240_000, intervalMs: 1_000, what: '101 runs to complete' },
      );
      const runs = await app.t.db.collection('workflow_runs').find({ workflowId }).toArray();
      expect(runs).toHaveLength(101);
      expect(new Set(runs.flatMap((run) => run.caseIds as string[])).size).toBe(101);
      expect(await app.t.db.collection('cases').countDocuments({ templateId: app.templateId })).toBe(101);
    },
  );

  it('records a failing step: the run errors, or carries on past it with continue-on-error', async () => {
    const failing = (continueOnError: boolean) =>
      publishWorkflow(app.t, {
        name: `Failing step (continue-on-error ${continueOnError})`,
        graph: chain([
          trigger,
          node(
            'create',
            'case.create',
            { 'case-template-id': app.templateId, fields: { amount: '{{ trigger.amount }}' } },
            200,
          ),
          node(
            'assign',
            'case.assign',
            {
              case: { node: 'create' },
              'user-email-address': '{{ "not an email " & trigger.amount }}',
              'continue-on-error': continueOnError,
              retry: { 'max-attempts': 2, 'initial-interval': { amount: 1, unit: 'seconds' } },
            },
            400,
          ),
          node('tag', 'case.add-tags', { case: { node: 'create' }, tags: ['after-assign'] }, 600),
          node('done', 'end', {}, 800),
        ]),
      });

    const stops = await failing(false);
    const stopped = await runReaches(app.t, (await trigger201(stops.workflowId, 1)).id, ['errored']);
    expect(stepOf(stopped, 'assign')).toMatchObject({ status: 'errored', attempts: 1 });
    expect(stepOf(stopped, 'assign').error).toMatch(/email/i);
    expect(stepOf(stopped, 'tag').status).toBe('skipped');
    expect(stopped.attributes.error).toMatch(/^step assign: /);

    const carriesOn = await failing(true);
    const passed = await runReaches(app.t, (await trigger201(carriesOn.workflowId, 2)).id, ['completed']);
    expect(stepOf(passed, 'assign').status).toBe('errored');
    expect(stepOf(passed, 'tag').status).toBe('completed');
    const kase = ((await api(app.t, 'GET', `/cases/${passed.attributes['case-ids'][0]}`)).json() as { data: CaseBody })
      .data;
    expect(kase.attributes.tags).toEqual(['after-assign']);
  });

  it('reruns a run with the same input as a new run', async () => {
    const { workflowId } = await createCaseWorkflow();
    const first = await runReaches(app.t, (await trigger201(workflowId, 42)).id, ['completed']);
    const response = await api(app.t, 'POST', `/workflow-runs/${first.id}/rerun`, {});
    expect(response.statusCode, response.body).toBe(201);
    const rerun = (response.json() as { data: RunBody & { attributes: { 'rerun-of': string } } }).data;
    expect(rerun.id).not.toBe(first.id);
    expect(rerun.attributes['rerun-of']).toBe(first.id);
    const done = await runReaches(app.t, rerun.id, ['completed']);
    expect(done.attributes.trigger).toEqual({ amount: 42 });
    expect(done.attributes['case-ids']).not.toEqual(first.attributes['case-ids']);
    const events = await caseEvents(app.t, String(done.attributes['case-ids'][0]));
    expect(events).toEqual(['case.created']);
  });

  it('answers 404 for unknown runs and 400 for bad filters', async () => {
    expect((await api(app.t, 'GET', '/workflow-runs/wfr_unknown')).statusCode).toBe(404);
    expect((await api(app.t, 'GET', '/workflow-runs?filter[status]=sleeping')).statusCode).toBe(400);
    expect((await api(app.t, 'GET', '/workflow-runs?filter[colour]=red')).statusCode).toBe(400);
  });
});
