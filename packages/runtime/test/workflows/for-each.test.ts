import { describe, expect, it } from 'vitest';
import type { CaseBody } from '../helpers/case-fixtures.ts';
import { useWorkerApp } from '../helpers/in-process-worker.ts';
import {
  api,
  graphNode as node,
  publishWorkflow,
  runReaches,
  stepOf,
  triggerRun,
  type GraphJson,
} from '../helpers/workflow-fixtures.ts';

const edge = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'next'}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});

describe('logic.for-each', () => {
  const app = useWorkerApp();

  const getCase = async (id: string) => ((await api(app.t, 'GET', `/cases/${id}`)).json() as { data: CaseBody }).data;

  /** trigger → loop ⟨body: create a case per item⟩ → join → check (reads steps.loop) → done. */
  const loopGraph = (loop: Record<string, unknown>, create: Record<string, unknown> = {}): GraphJson => ({
    nodes: [
      node('trigger', 'trigger.api', { fields: [{ key: 'people', type: 'string-array', required: true }] }, 0),
      node('loop', 'logic.for-each', { result: '{{ steps.create.case.id }}', ...loop }, 200),
      node(
        'create',
        'case.create',
        {
          'case-template-id': app.templateId,
          fields: { amount: '{{ index + 1 }}', notes: '{{ item }}' },
          retry: { 'max-attempts': 1, 'initial-interval': { amount: 1, unit: 'seconds' } },
          ...create,
        },
        400,
      ),
      node('join', 'logic.join', {}, 600),
      node(
        'check',
        'logic.condition',
        { routes: [{ id: 'all', when: '{{ $count(steps.loop.results[$ != null]) = 3 and steps.loop.failed = 0 }}' }] },
        800,
      ),
      node('done', 'end', {}, 1200),
    ],
    edges: [
      edge('trigger', 'loop'),
      edge('loop', 'create', 'body'),
      edge('create', 'join'),
      edge('join', 'check'),
      edge('check', 'done', 'all'),
      edge('check', 'done', 'else'),
    ],
  });

  it('creates a case per item, two at a time, then a condition reads the loop’s results', async () => {
    const graph = loopGraph({ items: '{{ trigger.people }}', concurrency: 2 });
    const { workflowId } = await publishWorkflow(app.t, { name: 'A case per person', graph });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { people: ['Ann', 'Bob', 'Cy'] })).id, [
      'completed',
    ]);

    expect(stepOf(run, 'check').output).toEqual({ route: 'all' });
    const loop = stepOf(run, 'loop') as { status: string; output: { results: string[] }; iterations?: unknown };
    expect(loop.status).toBe('completed');
    expect(loop.iterations).toEqual({ total: 3, done: 3, failed: 0 });
    expect(loop.output).toMatchObject({ count: 3, done: 3, failed: 0 });
    expect([...loop.output.results].sort()).toEqual([...run.attributes['case-ids']].sort());
    for (const id of ['create', 'join', 'done']) expect(stepOf(run, id).status, id).toBe('completed');
    const cases = await Promise.all(loop.output.results.map(getCase));
    // In item order, each case named from its item and numbered from its index.
    expect(cases.map((c) => [c.attributes.fields.notes?.value, c.attributes.fields.amount?.value])).toEqual([
      ['Ann', 1],
      ['Bob', 2],
      ['Cy', 3],
    ]);
  });

  it('counts a failed iteration and goes on when the failing step has continue-on-error', async () => {
    const graph = loopGraph(
      { items: '{{ [1, "not a number", 3] }}' },
      { fields: { amount: '{{ item }}' }, 'continue-on-error': true },
    );
    const { workflowId } = await publishWorkflow(app.t, { name: 'Loop carries on', graph });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { people: [] })).id, ['completed']);
    const loop = stepOf(run, 'loop') as { output: { results: (string | null)[] }; iterations?: unknown };
    expect(loop.iterations).toEqual({ total: 3, done: 3, failed: 1 });
    expect(loop.output).toMatchObject({ count: 3, done: 3, failed: 1 });
    expect(loop.output.results[1]).toBeNull();
    expect(loop.output.results.filter((id) => id !== null)).toHaveLength(2);
    expect(stepOf(run, 'check').output).toEqual({ route: 'else' });
  });

  it('fails the run at a failing iteration without continue-on-error, starting no further item', async () => {
    const graph = loopGraph({ items: '{{ [1, "not a number", 3] }}' }, { fields: { amount: '{{ item }}' } });
    const { workflowId } = await publishWorkflow(app.t, { name: 'Loop fails', graph });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { people: [] })).id, ['errored']);
    expect(run.attributes.error).toMatch(/^step create: /);
    const loop = stepOf(run, 'loop') as { status: string; error: string | null; iterations?: unknown };
    expect(loop.status).toBe('errored');
    expect(loop.error).toMatch(/^iteration 1 failed: /);
    expect(loop.iterations).toEqual({ total: 3, done: 2, failed: 1 });
    expect(run.attributes['case-ids']).toHaveLength(1);
    expect(stepOf(run, 'check').status).toBe('skipped');
  });

  it('fails the step, saying why, over more than 1,000 items', async () => {
    const graph = loopGraph({ items: '{{ [1..(1000 + $count(trigger.people))] }}' });
    const { workflowId } = await publishWorkflow(app.t, { name: 'Too many', graph });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { people: ['a', 'b'] })).id, ['errored']);
    expect(run.attributes.error).toBe('step loop: 1002 items; a For each runs at most 1000');
    expect(run.attributes['case-ids']).toHaveLength(0);
  });

  it('refuses to publish a body that never reaches a join, or reading a body step after the loop', async () => {
    const refused = async (graph: GraphJson) => {
      const created = await api(app.t, 'POST', '/workflows', { data: { attributes: { name: 'Bad loop', graph } } });
      const workflowId = (created.json() as { data: { id: string } }).data.id;
      return api(app.t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'test' } });
    };
    const open = loopGraph({ items: '{{ trigger.people }}' });
    open.edges = open.edges.filter((candidate) => candidate.id !== 'create-next-join');
    const unjoined = await refused(open);
    expect(unjoined.statusCode).toBe(422);
    expect(unjoined.body).toContain('unjoined-branch');
    expect(unjoined.body).toContain('create');

    const outside = loopGraph({ items: '{{ trigger.people }}' });
    outside.nodes = outside.nodes.map((candidate) =>
      candidate.id === 'check'
        ? node('check', 'logic.condition', { routes: [{ id: 'all', when: '{{ steps.create.case.id }}' }] }, 800)
        : candidate,
    );
    const scoped = await refused(outside);
    expect(scoped.statusCode).toBe(422);
    expect(scoped.body).toContain('loop-scope');
  });
});
