import { describe, expect, it } from 'vitest';
import { compile, type Graph } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, node } from './graph/fixtures.ts';
import { expectIssues, type IssueCase } from './graph/issue-cases.ts';

const forEach = (id = 'loop', params: Record<string, unknown> = {}) =>
  node(id, 'logic.for-each', {
    items: '{{ trigger.people }}',
    concurrency: 2,
    result: '{{ steps.create.case.id & trigger.note }}',
    ...params,
  });

/** trigger → loop ⟨body: create (name from item) → check⟩ → join → after (reads steps.loop) → done. */
const looped = (): Graph => ({
  nodes: [
    apiTrigger(),
    forEach(),
    createCase('create', { fields: { amount: '{{ item.amount + index }}' } }),
    node('check', 'logic.condition', { routes: [{ id: 'big', when: '{{ steps.create.case.id != null }}' }] }),
    node('join', 'logic.join'),
    node('after', 'logic.condition', { routes: [{ id: 'all', when: '{{ steps.loop.done = 3 }}' }] }),
    node('done', 'end'),
  ],
  edges: [
    edge('trigger', 'loop'),
    edge('loop', 'create', 'body'),
    edge('create', 'check'),
    edge('check', 'join', 'big'),
    edge('check', 'join', 'else'),
    edge('join', 'after'),
    edge('after', 'done', 'all'),
    edge('after', 'done', 'else'),
  ],
});

const change = (graph: Graph, edit: { nodes?: Graph['nodes']; edges?: Graph['edges']; dropEdges?: string[] }) => ({
  nodes: [...graph.nodes.filter((n) => !edit.nodes?.some((m) => m.id === n.id)), ...(edit.nodes ?? [])],
  edges: [...graph.edges.filter((e) => !edit.dropEdges?.includes(e.id)), ...(edit.edges ?? [])],
});

describe('logic.for-each', () => {
  it('compiles a body that ends at a join; the body reads its own steps, later steps read the loop', () => {
    const result = compile(looped(), catalog);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.loop).toMatchObject({
      kind: 'logic.for-each',
      params: { items: '{{ trigger.people }}', concurrency: 2 },
      next: { body: 'create' },
    });
    expect(result.plan.steps.join).toMatchObject({ kind: 'logic.join', next: { next: 'after' } });
  });

  it('defaults to one item at a time and runs inside a parallel branch', () => {
    const graph: Graph = {
      nodes: [
        apiTrigger(),
        node('fork', 'logic.parallel', { branches: [{ id: 'a' }, { id: 'b' }] }),
        node('loop', 'logic.for-each', { items: '{{ [1, 2] }}' }),
        createCase('create'),
        node('loop-end', 'logic.join'),
        node('join', 'logic.join'),
        node('done', 'end'),
      ],
      edges: [
        edge('trigger', 'fork'),
        edge('fork', 'loop', 'a'),
        edge('fork', 'join', 'b'),
        edge('loop', 'create', 'body'),
        edge('create', 'loop-end'),
        edge('loop-end', 'join'),
        edge('join', 'done'),
      ],
    };
    const result = compile(graph, catalog);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.loop).toMatchObject({ params: { concurrency: 1 } });
  });

  const list = (count: number) => `{{ [${Array.from({ length: count }, (_, i) => i).join(', ')}] }}`;
  const cases: IssueCase[] = [
    [
      'unjoined-branch',
      'error',
      change(looped(), { dropEdges: ['loop-body-create'] }),
      { 'node-id': 'loop', message: 'the body leads nowhere: it must reach a Join' },
    ],
    [
      'unjoined-branch',
      'error',
      change(looped(), {
        nodes: [node('stop', 'end')],
        dropEdges: ['check-big-join'],
        edges: [edge('check', 'stop', 'big')],
      }),
      { 'node-id': 'stop', message: 'the run ends here, inside the body of "loop": the body must reach a Join' },
    ],
    [
      'crossing-branches',
      'error',
      change(looped(), {
        nodes: [node('skip', 'logic.condition', { routes: [{ id: 'in', when: '{{ true }}' }] })],
        dropEdges: ['trigger-next-loop'],
        edges: [edge('trigger', 'skip'), edge('skip', 'loop', 'else'), edge('skip', 'check', 'in')],
      }),
      { 'node-id': 'check', message: expect.stringContaining('"skip" leads into the body of "loop"') as string },
    ],
    [
      'stray-join',
      'error',
      change(looped(), {
        nodes: [node('skip', 'logic.condition', { routes: [{ id: 'out', when: '{{ true }}' }] })],
        dropEdges: ['trigger-next-loop'],
        edges: [edge('trigger', 'skip'), edge('skip', 'loop', 'else'), edge('skip', 'join', 'out')],
      }),
      { 'node-id': 'join', message: '"skip" leads into the Join of "loop" from outside its body' },
    ],
    [
      'loop-scope',
      'error',
      change(looped(), {
        nodes: [forEach('inner'), node('inner-join', 'logic.join')],
        dropEdges: ['loop-body-create'],
        edges: [edge('loop', 'inner', 'body'), edge('inner', 'inner-join', 'body'), edge('inner-join', 'create')],
      }),
      { 'node-id': 'inner', message: expect.stringContaining('loops hold no loops or parallels') as string },
    ],
    [
      'loop-scope',
      'error',
      change(looped(), {
        nodes: [node('after', 'logic.condition', { routes: [{ id: 'all', when: '{{ steps.create.case.id }}' }] })],
      }),
      {
        'node-id': 'after',
        path: '/params/routes/0/when',
        message: '"create" runs in the body of "loop", once per item: outside the body read steps.loop (its results)',
      },
    ],
    [
      'loop-scope',
      'error',
      change(looped(), {
        nodes: [node('tag', 'case.add-tags', { case: { node: 'create' }, tags: ['x'] })],
        dropEdges: ['after-all-done'],
        edges: [edge('after', 'tag', 'all'), edge('tag', 'done')],
      }),
      { 'node-id': 'tag', path: '/params/case/node' },
    ],
    [
      'limit-exceeded',
      'error',
      change(looped(), { nodes: [forEach('loop', { items: list(1_001) })] }),
      { 'node-id': 'loop', path: '/params/items', message: '1001 items; a For each runs at most 1000' },
    ],
    [
      'limit-exceeded',
      'error',
      change(looped(), { nodes: [forEach('loop', { items: '{{ [1..5000] }}' })] }),
      { 'node-id': 'loop', message: '5000 items; a For each runs at most 1000' },
    ],
    [
      'loop-scope',
      'error',
      change(looped(), { nodes: [forEach('loop', { items: '{{ steps.create.case }}' })] }),
      { 'node-id': 'loop', path: '/params/items' },
    ],
    [
      'unknown-reference',
      'error',
      change(looped(), { nodes: [forEach('loop', { result: '{{ steps.after }}' })] }),
      { 'node-id': 'loop', path: '/params/result' },
    ],
    [
      'invalid-params',
      'error',
      change(looped(), { nodes: [forEach('loop', { concurrency: 11 })] }),
      { 'node-id': 'loop' },
    ],
    [
      'invalid-params',
      'error',
      change(looped(), { nodes: [forEach('loop', { items: '[1, 2]' })] }),
      { 'node-id': 'loop' },
    ],
  ];
  expectIssues(cases);

  it('allows exactly 1,000 literal items', () => {
    const result = compile(change(looped(), { nodes: [forEach('loop', { items: list(1_000) })] }), catalog);
    expect(result.issues).toEqual([]);
  });
});
