import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startWorkerProcess } from '../helpers/worker-process.ts';
import { getRun, publishWorkflow, runReaches, triggerRun } from '../helpers/workflow-fixtures.ts';

const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  position: { x, y: 0 },
  params,
});
const chain = (nodes: ReturnType<typeof node>[]) => ({
  nodes,
  edges: nodes.slice(1).map((target, i) => ({ id: `e${i}`, source: String(nodes[i]?.id), target: target.id })),
});
const trigger = node('trigger', 'trigger.api', { fields: [{ key: 'amount', type: 'number', required: true }] }, 0);

// Expressions a designer (or an attacker with designer rights) could publish, each with the limit it must hit.
const inConditions: Record<string, { when: string; error: RegExp }> = {
  'endless tail recursion': {
    when: '{{ ($f := function($x) { $f($x) }; $f(1)) }}',
    error: /evaluation steps/,
  },
  'deep recursion': {
    when: '{{ ($f := function($x) { 1 + $f($x) }; $f(1)) }}',
    error: /nested deeper/,
  },
  'a string doubled 40 times': {
    when: '{{ $reduce([1..40], function($acc, $v) { $acc & $acc }, "xy") }}',
    error: /string grew beyond/,
  },
  'a half-gigabyte pad': { when: '{{ $pad("", 500000000, "x") }}', error: /string grew beyond/ },
  'ranges inside a map': {
    when: '{{ $count($map([1..100000], function($v) { [1..100000] })) }}',
    error: /characters and items in all/,
  },
  'a shared value written out a million times': {
    when: '{{ ($a := [1..1000]; $b := $map([1..1000], function($v) { $a }); $string($b)) }}',
    error: /string grew beyond|characters and items/,
  },
};

// A user's expressions can never take the worker down: each hostile run fails its own step with the limit it hit,
// handled like any step error, while the worker keeps running and an ordinary run started alongside completes.
describe('hostile expressions in published workflows', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startWorkerProcess(t.env);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it(
    'fail their own step with the limit they hit; the worker and other runs carry on',
    { timeout: 180_000 },
    async () => {
      const templateId = (await createTemplate(t)).id;
      const hostile = await Promise.all(
        Object.entries(inConditions).map(async ([name, { when, error }]) => {
          const graph = {
            nodes: [
              trigger,
              node('check', 'logic.condition', { routes: [{ id: 'yes', when }] }, 1),
              node('done', 'end', {}, 2),
            ],
            edges: [
              { id: 'e0', source: 'trigger', target: 'check' },
              { id: 'e1', source: 'check', sourceHandle: 'yes', target: 'done' },
              { id: 'e2', source: 'check', sourceHandle: 'else', target: 'done' },
            ],
          };
          const { workflowId } = await publishWorkflow(t, { name, graph });
          return { name, error, workflowId };
        }),
      );
      // In a case step's parameters too: the step fails like any failing step (and `continue-on-error` goes on).
      const inParams = await publishWorkflow(t, {
        name: 'hostile parameters',
        graph: chain([
          trigger,
          node(
            'create',
            'case.create',
            {
              'case-template-id': templateId,
              fields: {
                amount: '{{ trigger.amount }}',
                notes: '{{ $join($map([1..200], function($v) { $pad("", 900000, "y") })) }}',
              },
            },
            1,
          ),
          node('done', 'end', {}, 2),
        ]),
      });
      const ordinary = await publishWorkflow(t, {
        name: 'ordinary',
        graph: chain([
          trigger,
          node(
            'create',
            'case.create',
            { 'case-template-id': templateId, fields: { amount: '{{ trigger.amount * 2 }}' } },
            1,
          ),
          node('done', 'end', {}, 2),
        ]),
      });

      // Everything at once, the ordinary run last.
      const hostileRuns = await Promise.all(
        hostile.map(async (workflow) => ({
          ...workflow,
          run: await triggerRun(t, workflow.workflowId, { amount: 1 }),
        })),
      );
      const paramsRun = await triggerRun(t, inParams.workflowId, { amount: 1 });
      const ordinaryRun = await triggerRun(t, ordinary.workflowId, { amount: 21 });

      const done = await runReaches(t, ordinaryRun.id, ['completed'], { timeoutMs: 120_000 });
      expect(done.attributes['case-ids']).toHaveLength(1);
      for (const { name, error, run } of hostileRuns) {
        const ended = await runReaches(t, run.id, ['errored'], { timeoutMs: 120_000 });
        expect(ended.attributes.error, name).toMatch(/^step check: /);
        expect(ended.attributes.error, name).toMatch(error);
      }
      const failedStep = await runReaches(t, paramsRun.id, ['errored'], { timeoutMs: 120_000 });
      expect(failedStep.attributes.error).toMatch(
        /^step create: \/fields\/notes: .*(string grew beyond|characters and items)/,
      );
      expect(await t.db.collection('cases').countDocuments({ templateId })).toBe(1);

      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(worker.alive()).toBe(true);
      // And the worker still runs new work after all that.
      const after = await triggerRun(t, ordinary.workflowId, { amount: 2 });
      expect((await runReaches(t, after.id, ['completed'], { timeoutMs: 60_000 })).id).toBe(after.id);
      expect((await getRun(t, ordinaryRun.id)).attributes.status).toBe('completed');
    },
  );
});
