import { describe, expect, it } from 'vitest';
import { compile, type Graph } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, node } from './graph/fixtures.ts';
import { afterCreate, expectIssues, many, setStatus, variant, type IssueCase } from './graph/issue-cases.ts';

// One failing fixture (at least) per params, reference and catalog issue code.
const cases: IssueCase[] = [
  [
    'bad-case-ref',
    'error',
    {
      nodes: [
        apiTrigger(),
        node('cond', 'logic.condition', { routes: [{ id: 'big', when: '{{ trigger.amount > 1 }}' }] }),
        createCase(),
        setStatus('open'),
        node('done', 'end'),
      ],
      edges: [
        edge('trigger', 'cond'),
        edge('cond', 'create', 'big'),
        edge('cond', 'status', 'else'),
        edge('create', 'status'),
        edge('status', 'done'),
      ],
    },
    { 'node-id': 'status', path: '/params/case/node', message: '"create" does not run on every path to this node' },
  ],
  [
    'bad-case-ref',
    'error',
    afterCreate(setStatus('open', 'trigger')),
    { 'node-id': 'status', path: '/params/case/node' },
  ],
  ['bad-case-ref', 'error', afterCreate(setStatus('open', 'ghost')), { 'node-id': 'status' }],
  ['bad-case-ref', 'error', afterCreate(setStatus('open', 'status')), { 'node-id': 'status' }],
  [
    'expression-syntax',
    'error',
    variant({ nodes: [createCase('create', { fields: { amount: '{{ trigger.( }}' } })] }),
    { 'node-id': 'create', path: '/params/fields/amount' },
  ],
  [
    'expression-syntax',
    'error',
    variant({ nodes: [createCase('create', { fields: { amount: '{{ trigger.amount' } })] }),
    { 'node-id': 'create' },
  ],
  [
    'unknown-reference',
    'error',
    variant({ nodes: [createCase('create', { fields: { amount: '{{ steps.ghost.x }}' } })] }),
    { 'node-id': 'create', path: '/params/fields/amount' },
  ],
  [
    'unknown-reference',
    'error',
    variant({ nodes: [createCase('create', { fields: { amount: '{{ steps.done.x }}' } })] }),
    { 'node-id': 'create' },
  ],
  [
    'unknown-template',
    'error',
    variant({ nodes: [createCase('create', { 'case-template-id': 'ctmpl_nope' })] }),
    { 'node-id': 'create', path: '/params/case-template-id' },
  ],
  [
    'unknown-template',
    'error',
    variant({ nodes: [createCase('create', { 'case-template-id': 'ctmpl_old', fields: {} })] }),
    { 'node-id': 'create' },
  ],
  ['unknown-status', 'error', afterCreate(setStatus('bogus')), { 'node-id': 'status', path: '/params/status' }],
  [
    'unknown-field',
    'error',
    variant({ nodes: [createCase('create', { fields: { nope: 1 } })] }),
    { 'node-id': 'create', path: '/params/fields/nope' },
  ],
  [
    'unknown-queue',
    'error',
    variant({ nodes: [createCase('create', { 'case-queue-id': 'cqueue_old' })] }),
    { 'node-id': 'create', path: '/params/case-queue-id' },
  ],
  [
    'field-type-mismatch',
    'error',
    variant({ nodes: [createCase('create', { fields: { amount: 'lots' } })] }),
    { 'node-id': 'create', path: '/params/fields/amount' },
  ],
  [
    'field-type-mismatch',
    'error',
    afterCreate(
      node('status', 'case.update-fields', {
        case: { node: 'create' },
        operations: [{ field: 'amount', op: 'push', value: 1 }],
      }),
    ),
    { 'node-id': 'status', path: '/params/operations/0/value' },
  ],
  ['limit-exceeded', 'error', { nodes: [apiTrigger(), ...many(500)], edges: [] }, { path: '/nodes' }],
  [
    'limit-exceeded',
    'error',
    {
      nodes: [apiTrigger(), node('done', 'end')],
      edges: Array.from({ length: 2001 }, (_, i) => ({ ...edge('trigger', 'done'), id: `e${i}` })),
    },
    { path: '/edges' },
  ],
  [
    'limit-exceeded',
    'error',
    afterCreate(node('status', 'case.add-comment', { case: { node: 'create' }, body: 'x'.repeat(300_000) })),
    { path: '/' },
  ],
];

describe('compile issues: params, references and catalog', () => {
  expectIssues(cases);
});

describe('expressions bound to break their limits', () => {
  it('are flagged at publish time as limit-exceeded warnings on their node', () => {
    const hostile = {
      pad: '{{ $pad("", 500000000, "x") }}',
      range: '{{ $count([1..100000000]) }}',
      recursion: '{{ ($f := function($x) { $f($x) }; $f(1)) }}',
      deep: '{{ ($f := function($x) { 1 + $f($x) }; $f(1)) }}',
    };
    const fine = {
      pad: '{{ $pad(trigger.id, 20, "0") }}',
      range: '{{ $count([1..100]) }}',
      recursion: '{{ ($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5)) }}',
    };
    const warningsFor = (routes: Record<string, string>) => {
      const ids = Object.keys(routes);
      const graph: Graph = {
        nodes: [
          apiTrigger(),
          node('check', 'logic.condition', { routes: Object.entries(routes).map(([id, when]) => ({ id, when })) }),
          node('done', 'end'),
        ],
        edges: [edge('trigger', 'check'), ...[...ids, 'else'].map((handle) => edge('check', 'done', handle))],
      };
      const result = compile(graph, catalog);
      expect(result.issues.filter((found) => found.severity === 'error')).toEqual([]);
      return result.issues.filter((found) => found.code === 'limit-exceeded');
    };
    const flagged = warningsFor(hostile);
    expect(flagged.map((found) => found.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(flagged.map((found) => found.message)).toEqual([
      '$pad to 500000000 characters always fails: strings are limited to 1000000',
      '[1..100000000] always fails: sequences are limited to 100000 items',
      '$f calls itself with no condition to stop: it recurses until a limit stops the run',
      '$f calls itself with no condition to stop: it recurses until a limit stops the run',
    ]);
    expect(flagged.every((found) => found['node-id'] === 'check')).toBe(true);
    expect(warningsFor(fine)).toEqual([]);
  });
});
