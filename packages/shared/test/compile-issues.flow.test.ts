import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, minimal, node } from './graph/fixtures.ts';
import { expectIssues, variant, type IssueCase } from './graph/issue-cases.ts';

// One failing fixture (at least) per structural issue code.
const cases: IssueCase[] = [
  ['invalid-graph', 'error', { nodes: 'none', edges: [] }, { path: '/nodes' }],
  ['duplicate-id', 'error', { ...minimal(), nodes: [...minimal().nodes, node('done', 'end')] }, { 'node-id': 'done' }],
  [
    'duplicate-id',
    'error',
    { ...minimal(), edges: [...minimal().edges, edge('create', 'done')] },
    { 'edge-id': 'create-next-done' },
  ],
  ['no-trigger', 'error', variant({ drop: ['trigger'] }), {}],
  ['multiple-triggers', 'error', variant({ nodes: [apiTrigger('second')] }), { 'node-id': 'second' }],
  ['unknown-kind', 'error', variant({ nodes: [node('done', 'case.explode')] }), { 'node-id': 'done', path: '/kind' }],
  [
    'unknown-kind',
    'error',
    variant({ nodes: [{ ...node('done', 'end'), version: 9 }] }),
    { 'node-id': 'done', path: '/version' },
  ],
  [
    'invalid-params',
    'error',
    variant({ nodes: [node('create', 'case.create', {})] }),
    { 'node-id': 'create', path: '/params/case-template-id' },
  ],
  ['dangling-edge', 'error', variant({ edges: [edge('done', 'ghost')] }), { 'edge-id': 'done-next-ghost' }],
  [
    'bad-handle',
    'error',
    variant({ edges: [edge('create', 'done', 'oops')] }),
    { 'edge-id': 'create-oops-done', 'node-id': 'create' },
  ],
  [
    'bad-handle',
    'error',
    variant({ edges: [edge('done', 'create')] }),
    { 'edge-id': 'done-next-create', 'node-id': 'done' },
  ],
  ['bad-handle', 'error', variant({ edges: [edge('create', 'trigger', 'x')] }), { 'node-id': 'trigger' }],
  [
    'unconnected-handle',
    'warning',
    {
      nodes: [
        apiTrigger(),
        createCase(),
        node('wait', 'wait.case', {
          case: { node: 'create' },
          events: ['case.resolved'],
          timeout: { amount: 1, unit: 'days' },
        }),
        node('done', 'end'),
      ],
      edges: [edge('trigger', 'create'), edge('create', 'wait'), edge('wait', 'done', 'matched')],
    },
    { 'node-id': 'wait', path: '/handles/timed-out' },
  ],
  ['unreachable-node', 'warning', variant({ nodes: [node('stray', 'end')] }), { 'node-id': 'stray' }],
  [
    'cycle',
    'error',
    {
      nodes: [
        apiTrigger(),
        createCase(),
        node('cond', 'logic.condition', { routes: [{ id: 'again', when: '{{ true }}' }] }),
        node('done', 'end'),
      ],
      edges: [
        edge('trigger', 'create'),
        edge('create', 'cond'),
        edge('cond', 'create', 'again'),
        edge('cond', 'done', 'else'),
      ],
    },
    { 'node-id': 'create', 'edge-id': 'cond-again-create' },
  ],
  [
    'missing-else',
    'error',
    {
      nodes: [
        apiTrigger(),
        node('cond', 'logic.condition', { routes: [{ id: 'big', when: '{{ trigger.amount > 1 }}' }] }),
        node('done', 'end'),
      ],
      edges: [edge('trigger', 'cond'), edge('cond', 'done', 'big')],
    },
    { 'node-id': 'cond', path: '/handles/else' },
  ],
];

describe('compile issues: graph structure and flow', () => {
  expectIssues(cases);

  it('the minimal fixture has no issues', () => {
    expect(compile(minimal(), catalog)).toMatchObject({ ok: true, issues: [] });
  });
});
