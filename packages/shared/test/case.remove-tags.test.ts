import { describe, expect, it } from 'vitest';
import { compile, nodeCatalog } from '../src/index.ts';
import { catalog, node } from './graph/fixtures.ts';
import { afterCreate, expectIssues, type IssueCase } from './graph/issue-cases.ts';

const removeTags = (params: Record<string, unknown>) => node('untag', 'case.remove-tags', params);

describe('case.remove-tags', () => {
  it('compiles to a step with the action defaults, tags kept as written (expressions included)', () => {
    const result = compile(
      afterCreate(removeTags({ case: { node: 'create' }, tags: ['vip', '{{ trigger.reason }}'] })),
      catalog,
    );
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.untag).toMatchObject({
      kind: 'case.remove-tags',
      params: {
        case: { node: 'create' },
        tags: ['vip', '{{ trigger.reason }}'],
        'continue-on-error': false,
        retry: { 'max-attempts': 3 },
      },
      next: { next: 'done' },
    });
  });

  const cases: IssueCase[] = [
    [
      'invalid-params',
      'error',
      afterCreate(removeTags({ case: { node: 'create' }, tags: [] })),
      { 'node-id': 'untag' },
    ],
    ['invalid-params', 'error', afterCreate(removeTags({ case: { node: 'create' } })), { path: '/params/tags' }],
    [
      'bad-case-ref',
      'error',
      afterCreate(removeTags({ case: { node: 'trigger' }, tags: ['vip'] })),
      { 'node-id': 'untag', path: '/params/case/node' },
    ],
    [
      'bad-case-ref',
      'error',
      afterCreate(removeTags({ case: { node: 'ghost' }, tags: ['vip'] })),
      { 'node-id': 'untag', message: 'there is no node "ghost"' },
    ],
    [
      'expression-syntax',
      'error',
      afterCreate(removeTags({ case: { node: 'create' }, tags: ['{{ trigger.( }}'] })),
      { 'node-id': 'untag', path: '/params/tags/0' },
    ],
    [
      'unknown-reference',
      'error',
      afterCreate(removeTags({ case: { node: 'create' }, tags: ['{{ steps.done.case.name }}'] })),
      { 'node-id': 'untag', path: '/params/tags/0' },
    ],
  ];
  expectIssues(cases);

  it('reads evaluated tags as strings, spreading a list an expression gave', () => {
    const schema = nodeCatalog['case.remove-tags'].evaluatedParamsSchema;
    if (!schema) throw new Error('an action has an evaluated params schema');
    expect(schema.parse({ tags: ['vip', ['a', 'b']] })).toEqual({ tags: ['vip', 'a', 'b'] });
    expect(schema.safeParse({ tags: [42] }).success).toBe(false);
  });
});
