import { describe, expect, it } from 'vitest';
import { compile, type Graph } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, node } from './graph/fixtures.ts';
import { expectIssues, type IssueCase } from './graph/issue-cases.ts';

const parallel = (id = 'fork', branches = ['a', 'b']) =>
  node(id, 'logic.parallel', { branches: branches.map((branch) => ({ id: branch, label: branch.toUpperCase() })) });
const status = (id: string, ref: string) => node(id, 'case.set-status', { case: { node: ref }, status: 'in-review' });
const update = (id: string, ref: string, amount: string) =>
  node(id, 'case.update-fields', { case: { node: ref }, operations: [{ field: 'amount', op: 'set', value: amount }] });

/** trigger → create → fork ⟨a: create-a, b: update-b⟩ → join → after (reads both) → done. */
const forked = (): Graph => ({
  nodes: [
    apiTrigger(),
    createCase(),
    parallel(),
    createCase('create-a'),
    update('update-b', 'create', '{{ trigger.amount + 1 }}'),
    node('join', 'logic.join'),
    node('after', 'logic.condition', {
      routes: [{ id: 'both', when: '{{ steps.`create-a`.case.id != steps.`update-b`.case.id }}' }],
    }),
    status('status-a', 'create-a'),
    node('done', 'end'),
  ],
  edges: [
    edge('trigger', 'create'),
    edge('create', 'fork'),
    edge('fork', 'create-a', 'a'),
    edge('fork', 'update-b', 'b'),
    edge('create-a', 'join'),
    edge('update-b', 'join'),
    edge('join', 'after'),
    edge('after', 'status-a', 'both'),
    edge('after', 'done', 'else'),
    edge('status-a', 'done'),
  ],
});

const change = (graph: Graph, edit: { nodes?: Graph['nodes']; edges?: Graph['edges']; dropEdges?: string[] }) => ({
  nodes: [...graph.nodes.filter((n) => !edit.nodes?.some((m) => m.id === n.id)), ...(edit.nodes ?? [])],
  edges: [...graph.edges.filter((e) => !edit.dropEdges?.includes(e.id)), ...(edit.edges ?? [])],
});

describe('logic.parallel and logic.join', () => {
  it('compiles branches that meet at one join; steps of every branch are readable (and case references) after it', () => {
    const result = compile(forked(), catalog);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.fork).toMatchObject({ kind: 'logic.parallel', next: { a: 'create-a', b: 'update-b' } });
    expect(result.plan.steps.join).toMatchObject({ kind: 'logic.join', next: { next: 'after' } });
  });

  it('allows conditions, waits and nested parallels inside a branch', () => {
    const graph = change(forked(), {
      nodes: [
        node('inner', 'logic.parallel', { branches: [{ id: 'x' }, { id: 'y' }] }),
        node('wait', 'wait.duration', { duration: { amount: 1, unit: 'seconds' } }),
        node('check', 'logic.condition', { routes: [{ id: 'big', when: '{{ trigger.amount > 5 }}' }] }),
        node('inner-join', 'logic.join'),
      ],
      dropEdges: ['fork-a-create-a'],
      edges: [
        edge('fork', 'inner', 'a'),
        edge('inner', 'wait', 'x'),
        edge('inner', 'check', 'y'),
        edge('check', 'inner-join', 'big'),
        edge('check', 'inner-join', 'else'),
        edge('wait', 'inner-join'),
        edge('inner-join', 'create-a'),
      ],
    });
    const result = compile(graph, catalog);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('refuses a case reference after the join to a step a branch runs only on some paths', () => {
    const graph = change(forked(), {
      nodes: [node('check', 'logic.condition', { routes: [{ id: 'big', when: '{{ trigger.amount > 5 }}' }] })],
      dropEdges: ['fork-a-create-a'],
      edges: [edge('fork', 'check', 'a'), edge('check', 'create-a', 'big'), edge('check', 'join', 'else')],
    });
    expect(compile(graph, catalog).issues).toContainEqual(
      expect.objectContaining({ code: 'bad-case-ref', 'node-id': 'status-a' }),
    );
  });

  const withoutJoinFrom = (from: string) => change(forked(), { dropEdges: [`${from}-next-join`] });
  const cases: IssueCase[] = [
    [
      'unjoined-branch',
      'error',
      change(forked(), { dropEdges: ['fork-b-update-b'] }),
      { 'node-id': 'fork', path: '/handles/b' },
    ],
    [
      'unjoined-branch',
      'error',
      change(withoutJoinFrom('update-b'), { nodes: [node('stop', 'end')], edges: [edge('update-b', 'stop')] }),
      { 'node-id': 'stop' },
    ],
    ['unjoined-branch', 'error', withoutJoinFrom('update-b'), { 'node-id': 'update-b', path: '/handles/next' }],
    [
      'unjoined-branch',
      'error',
      change(withoutJoinFrom('update-b'), {
        nodes: [node('join-2', 'logic.join')],
        edges: [edge('update-b', 'join-2'), edge('join-2', 'done')],
      }),
      {
        'node-id': 'fork',
        message: 'the branches reach different Joins (join, join-2): every branch must reach the same one',
      },
    ],
    [
      'crossing-branches',
      'error',
      change(withoutJoinFrom('create-a'), { edges: [edge('create-a', 'update-b')] }),
      { 'node-id': 'update-b' },
    ],
    [
      'crossing-branches',
      'error',
      change(forked(), {
        nodes: [node('check', 'logic.condition', { routes: [{ id: 'skip', when: '{{ true }}' }] })],
        dropEdges: ['create-fork'],
        edges: [edge('create', 'check'), edge('check', 'fork', 'else'), edge('check', 'update-b', 'skip')],
      }),
      { 'node-id': 'update-b', message: expect.stringContaining('"check" leads into branch "b"') as string },
    ],
    [
      'stray-join',
      'error',
      change(forked(), {
        nodes: [node('check', 'logic.condition', { routes: [{ id: 'skip', when: '{{ true }}' }] })],
        dropEdges: ['create-fork'],
        edges: [edge('create', 'check'), edge('check', 'fork', 'else'), edge('check', 'join', 'skip')],
      }),
      { 'node-id': 'join' },
    ],
    [
      'stray-join',
      'error',
      {
        nodes: [apiTrigger(), createCase(), node('join', 'logic.join'), node('done', 'end')],
        edges: [edge('trigger', 'create'), edge('create', 'join'), edge('join', 'done')],
      },
      { 'node-id': 'join', message: 'a Join closes a Parallel: no Parallel has all of its branches lead here' },
    ],
    [
      'unknown-reference',
      'error',
      change(forked(), { nodes: [update('update-b', 'create', '{{ steps.`create-a`.case.id }}')] }),
      { 'node-id': 'update-b', message: 'steps.create-a: "create-a" does not run before this node' },
    ],
    ['invalid-params', 'error', change(forked(), { nodes: [parallel('fork', ['a'])] }), { 'node-id': 'fork' }],
  ];
  expectIssues(cases);

  it('refuses a join shared by two parallels', () => {
    const graph: Graph = {
      nodes: [
        apiTrigger(),
        parallel('one', ['a', 'b']),
        parallel('two', ['c', 'd']),
        createCase('ca'),
        createCase('cb'),
        node('join', 'logic.join'),
        node('done', 'end'),
      ],
      edges: [
        edge('trigger', 'one'),
        edge('one', 'ca', 'a'),
        edge('one', 'two', 'b'),
        edge('two', 'cb', 'c'),
        edge('two', 'join', 'd'),
        edge('ca', 'join'),
        edge('cb', 'join'),
        edge('join', 'done'),
      ],
    };
    const result = compile(graph, catalog);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'stray-join',
        'node-id': 'join',
        message: expect.stringContaining('"ca"') as string,
      }),
    );
  });
});
