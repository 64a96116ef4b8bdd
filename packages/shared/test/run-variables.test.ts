import { describe, expect, it } from 'vitest';
import { applyVariableOperation, compile, type Graph, type VariableDeclaration } from '../src/index.ts';
import { apiTrigger, catalog, createCase, edge, node } from './graph/fixtures.ts';
import { expectIssues, type IssueCase } from './graph/issue-cases.ts';

const declared: VariableDeclaration[] = [
  { name: 'count', type: 'number', default: 0 },
  { name: 'seen', type: 'string-array', default: [] },
  { name: 'note', type: 'string' },
];

/** trigger → set-variables → create (its fields from `fields`) → done, with `variables` declared. */
function withVariables(
  operations: unknown[],
  options: { variables?: unknown[]; fields?: Record<string, unknown> } = {},
): Graph {
  return {
    nodes: [
      apiTrigger(),
      node('vars', 'data.set-variables', { operations }),
      createCase('create', { fields: { amount: '{{ trigger.amount }}', ...options.fields } }),
      node('done', 'end'),
    ],
    edges: [edge('trigger', 'vars'), edge('vars', 'create'), edge('create', 'done')],
    variables: (options.variables ?? declared) as Graph['variables'],
  };
}

describe('run variables', () => {
  it('compiles the declarations into the plan, operations kept as written', () => {
    const result = compile(
      withVariables(
        [
          { variable: 'count', op: 'set', value: '{{ vars.count + 1 }}' },
          { variable: 'seen', op: 'push', value: '{{ trigger.country }}' },
          { variable: 'note', op: 'unset' },
        ],
        { fields: { risk: '{{ vars.count > 1 ? "high" : "low" }}' } },
      ),
      catalog,
    );
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.variables).toEqual(declared);
    expect(result.plan.steps.vars).toMatchObject({ kind: 'data.set-variables', next: { next: 'create' } });
  });

  it('leaves plans without variables as they were', () => {
    const graph = withVariables([{ variable: 'x', op: 'unset' }], { variables: [] });
    const result = compile({ ...graph, nodes: graph.nodes.filter((n) => n.id !== 'vars'), edges: [] }, catalog);
    expect(result.ok ? result.plan : result.issues).not.toHaveProperty('variables');
  });

  const cases: IssueCase[] = [
    [
      'unknown-variable',
      'error',
      withVariables([{ variable: 'total', op: 'set', value: 1 }]),
      {
        'node-id': 'vars',
        path: '/params/operations/0/variable',
        message: 'the workflow declares no variable "total"',
      },
    ],
    [
      'unknown-variable',
      'error',
      withVariables([{ variable: 'count', op: 'set', value: 1 }], { fields: { risk: '{{ vars.unknown }}' } }),
      { 'node-id': 'create', path: '/params/fields/risk' },
    ],
    [
      'unknown-variable',
      'error',
      withVariables([{ variable: 'count', op: 'set', value: '{{ $sum([vars.count, vars.missing]) }}' }]),
      { 'node-id': 'vars', message: 'vars.missing: the workflow declares no variable "missing"' },
    ],
    [
      'variable-type-mismatch',
      'error',
      withVariables([{ variable: 'count', op: 'push', value: 1 }]),
      { 'node-id': 'vars', path: '/params/operations/0/op', message: '"count": "push" needs a list; it is number' },
    ],
    [
      'variable-type-mismatch',
      'error',
      withVariables([{ variable: 'count', op: 'append', value: 1 }]),
      { 'node-id': 'vars', path: '/params/operations/0/op' },
    ],
    [
      'variable-type-mismatch',
      'error',
      withVariables([{ variable: 'count', op: 'set', value: 'ten' }]),
      { 'node-id': 'vars', path: '/params/operations/0/value' },
    ],
    [
      'variable-type-mismatch',
      'error',
      withVariables([{ variable: 'seen', op: 'push', value: 7 }]),
      { 'node-id': 'vars', path: '/params/operations/0/value' },
    ],
    [
      'invalid-variable',
      'error',
      withVariables([{ variable: 'count', op: 'unset' }], {
        variables: [...declared, { name: 'count', type: 'string' }],
      }),
      { path: '/variables/3/name', message: 'another variable is already named "count"' },
    ],
    [
      'invalid-variable',
      'error',
      withVariables([{ variable: 'count', op: 'unset' }], {
        variables: [...declared, { name: 'risk-score', type: 'number' }],
      }),
      { path: '/variables/3/name' },
    ],
    [
      'invalid-variable',
      'error',
      withVariables([{ variable: 'count', op: 'unset' }], {
        variables: [{ name: 'count', type: 'number', default: '0' }],
      }),
      { path: '/variables/0/default', message: 'the default of "count" must be a number' },
    ],
    [
      'invalid-params',
      'error',
      withVariables([{ variable: 'count', op: 'multiply', value: 2 }]),
      { 'node-id': 'vars', path: '/params/operations/0/op' },
    ],
  ];
  expectIssues(cases);

  it('applies set, append, push, remove and unset, checking types and the size limit', () => {
    const list: VariableDeclaration = { name: 'seen', type: 'string-array' };
    const text: VariableDeclaration = { name: 'note', type: 'string' };
    expect(applyVariableOperation(list, undefined, 'push', 'a')).toEqual({ ok: true, value: ['a'] });
    expect(applyVariableOperation(list, ['a'], 'append', ['b', 'a'])).toEqual({ ok: true, value: ['a', 'b', 'a'] });
    expect(applyVariableOperation(list, ['a', 'b', 'a'], 'remove', 'a')).toEqual({ ok: true, value: ['b'] });
    expect(applyVariableOperation(text, 'x', 'append', 'y')).toEqual({ ok: true, value: 'xy' });
    expect(applyVariableOperation(text, 'x', 'unset', undefined)).toEqual({ ok: true, value: undefined });
    expect(applyVariableOperation(list, [], 'push', 3)).toEqual({
      ok: false,
      message: 'variable "seen": the item must be a string',
    });
    expect(applyVariableOperation(text, undefined, 'set', undefined)).toMatchObject({ ok: false });
    const big = applyVariableOperation(text, 'x'.repeat(16 * 1024 - 2), 'append', 'yz');
    expect(big).toEqual({
      ok: false,
      message: 'variable "note": it would hold 16386 bytes of JSON; a variable holds at most 16384',
    });
  });
});

describe('case.fetch and case.redact', () => {
  const graph = (): Graph => ({
    nodes: [
      apiTrigger(),
      node('fetch', 'case.fetch', { 'case-id': '{{ trigger.`inquiry-id` }}' }),
      node('set', 'case.set-status', { case: { node: 'fetch' }, status: 'in-review' }),
      node('redact', 'case.redact', { case: { node: 'set' } }),
      createCase(),
      node('done', 'end'),
    ],
    edges: [
      edge('trigger', 'fetch'),
      edge('fetch', 'set'),
      edge('set', 'redact'),
      edge('redact', 'create'),
      edge('create', 'done'),
    ],
  });

  it('compiles: a fetched case is one later steps may act on', () => {
    const result = compile(graph(), catalog);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.fetch).toMatchObject({ params: { 'case-id': '{{ trigger.`inquiry-id` }}', retry: {} } });
    expect(result.plan.steps.redact).toMatchObject({ params: { case: { node: 'set' }, 'continue-on-error': false } });
  });

  it('reports a fetch without an id, and a redaction of no case', () => {
    const broken = graph();
    broken.nodes = broken.nodes.map((n) =>
      n.id === 'fetch' ? { ...n, params: {} } : n.id === 'redact' ? { ...n, params: { case: { node: 'trigger' } } } : n,
    );
    const { issues } = compile(broken, catalog);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-params', 'node-id': 'fetch' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'bad-case-ref', 'node-id': 'redact' }));
  });
});
