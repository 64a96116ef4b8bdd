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
  type RunBody,
} from '../helpers/workflow-fixtures.ts';

type Step = RunBody['attributes']['steps'][number] & { 'started-at': string | null; 'completed-at': string | null };
const timesOf = (run: RunBody, id: string) => stepOf(run, id) as Step;
const edge = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'next'}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});

describe('logic.parallel', () => {
  const app = useWorkerApp();

  const getCase = async (id: string) => ((await api(app.t, 'GET', `/cases/${id}`)).json() as { data: CaseBody }).data;

  it('runs both branches at once, joins, then reads what each branch did', async () => {
    // trigger → create → fork ⟨a: wait 2 s → update create's amount | b: create a second case⟩ → join →
    // condition on both branches' outputs → set the second case's status → done.
    const graph: GraphJson = {
      nodes: [
        node('trigger', 'trigger.api', { fields: [{ key: 'amount', type: 'number', required: true }] }, 0),
        node('create', 'case.create', { 'case-template-id': app.templateId, fields: { amount: 1 } }, 200),
        node(
          'fork',
          'logic.parallel',
          {
            branches: [
              { id: 'a', label: 'Update' },
              { id: 'b', label: 'Second case' },
            ],
          },
          400,
        ),
        node('wait-a', 'wait.duration', { duration: { amount: 2, unit: 'seconds' } }, 600),
        node(
          'update-a',
          'case.update-fields',
          { case: { node: 'create' }, operations: [{ field: 'amount', op: 'set', value: '{{ trigger.amount }}' }] },
          800,
        ),
        node('create-b', 'case.create', { 'case-template-id': app.templateId, fields: { amount: 2 } }, 600),
        node('join', 'logic.join', {}, 1000),
        node(
          'check',
          'logic.condition',
          {
            routes: [
              {
                id: 'both',
                when: '{{ steps.`update-a`.case.fields.amount = trigger.amount and steps.`create-b`.case.id != steps.create.case.id }}',
              },
            ],
          },
          1200,
        ),
        node('review-b', 'case.set-status', { case: { node: 'create-b' }, status: 'in-review' }, 1400),
        node('done', 'end', {}, 1600),
      ],
      edges: [
        edge('trigger', 'create'),
        edge('create', 'fork'),
        edge('fork', 'wait-a', 'a'),
        edge('wait-a', 'update-a'),
        edge('update-a', 'join'),
        edge('fork', 'create-b', 'b'),
        edge('create-b', 'join'),
        edge('join', 'check'),
        edge('check', 'review-b', 'both'),
        edge('check', 'done', 'else'),
        edge('review-b', 'done'),
      ],
    };
    const { workflowId } = await publishWorkflow(app.t, { name: 'Parallel updates', graph });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { amount: 250 })).id, ['completed']);

    for (const id of ['fork', 'wait-a', 'update-a', 'create-b', 'join', 'check', 'review-b', 'done']) {
      expect(stepOf(run, id).status, id).toBe('completed');
    }
    expect(stepOf(run, 'check').output).toEqual({ route: 'both' });
    expect(stepOf(run, 'fork').output).toEqual({ branches: ['a', 'b'] });
    // Branch b did its work while branch a was still waiting.
    expect(String(timesOf(run, 'create-b')['completed-at']) < String(timesOf(run, 'wait-a')['completed-at'])).toBe(
      true,
    );
    expect(String(timesOf(run, 'join')['completed-at']) >= String(timesOf(run, 'update-a')['completed-at'])).toBe(true);
    const [first, second] = run.attributes['case-ids'];
    expect(run.attributes['case-ids']).toHaveLength(2);
    expect((await getCase(String(first))).attributes.fields).toMatchObject({ amount: { value: 250 } });
    expect((await getCase(String(second))).attributes.status).toBe('in-review');
  });

  /** trigger → create → fork ⟨a: assign (fails) | b: wait 30 s⟩ → join → tag → done. */
  const failingBranch = (continueOnError: boolean): GraphJson => ({
    nodes: [
      node('trigger', 'trigger.api', { fields: [] }, 0),
      node('create', 'case.create', { 'case-template-id': app.templateId, fields: { amount: 1 } }, 200),
      node('fork', 'logic.parallel', { branches: [{ id: 'a' }, { id: 'b' }] }, 400),
      node(
        'assign',
        'case.assign',
        {
          case: { node: 'create' },
          'user-email-address': 'not an email',
          'continue-on-error': continueOnError,
          retry: { 'max-attempts': 1, 'initial-interval': { amount: 1, unit: 'seconds' } },
        },
        600,
      ),
      node('wait-b', 'wait.duration', { duration: { amount: continueOnError ? 1 : 30, unit: 'seconds' } }, 600),
      node('join', 'logic.join', {}, 800),
      node('tag', 'case.add-tags', { case: { node: 'create' }, tags: ['joined'] }, 1000),
      node('done', 'end', {}, 1200),
    ],
    edges: [
      edge('trigger', 'create'),
      edge('create', 'fork'),
      edge('fork', 'assign', 'a'),
      edge('fork', 'wait-b', 'b'),
      edge('assign', 'join'),
      edge('wait-b', 'join'),
      edge('join', 'tag'),
      edge('tag', 'done'),
    ],
  });

  it('fails the run when a branch step fails, canceling the other branch at once', async () => {
    const { workflowId } = await publishWorkflow(app.t, { name: 'Failing branch', graph: failingBranch(false) });
    const started = Date.now();
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, {})).id, ['errored'], {
      timeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(20_000); // the 30 s wait of branch b did not hold the run
    expect(run.attributes.error).toMatch(/^step assign: .*email/i);
    expect(stepOf(run, 'assign')).toMatchObject({ status: 'errored' });
    expect(stepOf(run, 'wait-b')).toMatchObject({ status: 'errored', error: 'canceled: branch "a" failed' });
    expect(stepOf(run, 'fork').status).toBe('errored');
    expect(stepOf(run, 'fork').error).toMatch(/^branch "a" failed: /);
    expect(stepOf(run, 'join').status).toBe('skipped');
    expect(stepOf(run, 'tag').status).toBe('skipped');
  });

  it('joins past a failed step that has continue-on-error', async () => {
    const { workflowId } = await publishWorkflow(app.t, { name: 'Branch carries on', graph: failingBranch(true) });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, {})).id, ['completed']);
    expect(stepOf(run, 'assign').status).toBe('errored');
    for (const id of ['wait-b', 'fork', 'join', 'tag', 'done']) expect(stepOf(run, id).status, id).toBe('completed');
    expect((await getCase(String(run.attributes['case-ids'][0]))).attributes.tags).toEqual(['joined']);
  });

  it('cancels every branch when the run is canceled', async () => {
    const graph = failingBranch(false);
    graph.nodes = graph.nodes.map((candidate) =>
      candidate.id === 'assign'
        ? node('assign', 'wait.duration', { duration: { amount: 30, unit: 'seconds' } }, 600)
        : candidate,
    );
    const { workflowId } = await publishWorkflow(app.t, { name: 'Canceled parallel', graph });
    const { id } = await triggerRun(app.t, workflowId, {});
    await runReaches(app.t, id, ['waiting'], { nodeId: 'assign', stepStatus: 'waiting' });
    expect((await api(app.t, 'POST', `/workflow-runs/${id}/cancel`, {})).statusCode).toBeLessThan(300);
    const run = await runReaches(app.t, id, ['canceled'], { timeoutMs: 20_000 });
    for (const wait of ['assign', 'wait-b'])
      expect(stepOf(run, wait)).toMatchObject({ status: 'errored', error: 'canceled' });
    expect(stepOf(run, 'tag').status).toBe('skipped');
  });

  it('refuses to publish a parallel whose branch never reaches the join, naming the node', async () => {
    const graph = failingBranch(false);
    graph.edges = graph.edges.filter((candidate) => candidate.id !== 'wait-b-next-join');
    const created = await api(app.t, 'POST', '/workflows', { data: { attributes: { name: 'Unjoined', graph } } });
    const workflowId = (created.json() as { data: { id: string } }).data.id;
    const published = await api(app.t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'test' } });
    expect(published.statusCode).toBe(422);
    expect(published.body).toContain('unjoined-branch');
    expect(published.body).toContain('wait-b');
  });
});
