import { describe, expect, it } from 'vitest';
import { nodeCatalog, nodeKinds } from '../src/index.ts';

const { 'wait.case': waitCaseNode, 'logic.condition': logicConditionNode, 'case.create': caseCreateNode } = nodeCatalog;

describe('nodeCatalog', () => {
  it('keys every definition by its stable kind id', () => {
    expect(nodeKinds).toEqual([
      'trigger.api',
      'trigger.event',
      'trigger.schedule',
      'case.create',
      'case.update-fields',
      'case.attach-objects',
      'case.set-status',
      'case.assign',
      'case.set-sla',
      'case.clear-sla',
      'case.add-to-queue',
      'case.add-comment',
      'case.add-tags',
      'case.remove-tags',
      'http.request',
      'case.fetch',
      'case.redact',
      'logic.condition',
      'logic.parallel',
      'logic.join',
      'data.set-variables',
      'logic.for-each',
      'wait.duration',
      'wait.case',
      'flow.run-workflow',
      'end',
    ]);
    for (const [kind, definition] of Object.entries(nodeCatalog)) expect(definition.kind).toBe(kind);
  });

  it('gives every action node continue-on-error and retry with defaults', () => {
    const actions = Object.values(nodeCatalog).filter((definition) => definition.role === 'action');
    expect(actions).toHaveLength(15);
    for (const definition of actions) {
      const { shape } = definition.paramsSchema as unknown as { shape: object };
      expect(Object.keys(shape)).toEqual(expect.arrayContaining(['continue-on-error', 'retry']));
    }
    const parsed = caseCreateNode.paramsSchema.parse({ 'case-template-id': 'ctmpl_x' });
    expect(parsed).toMatchObject({ 'continue-on-error': false, retry: { 'max-attempts': 3 } });
  });

  it('derives handles from params', () => {
    const routes = logicConditionNode.paramsSchema.parse({
      routes: [
        { id: 'a', when: '{{ true }}' },
        { id: 'b', when: '{{ 1 }}' },
      ],
    });
    expect(logicConditionNode.handles(routes)).toEqual(['a', 'b', 'else']);
    const wait = { case: { node: 'c' }, events: ['case.resolved'], timeout: { amount: 1, unit: 'days' } };
    expect(waitCaseNode.handles(waitCaseNode.paramsSchema.parse(wait))).toEqual(['matched', 'timed-out']);
    expect(waitCaseNode.handles(waitCaseNode.paramsSchema.parse({ ...wait, 'error-on-timeout': true }))).toEqual([
      'matched',
    ]);
  });

  it.each([
    [
      'a wait.case timeout over 30 days',
      waitCaseNode.paramsSchema,
      { case: { node: 'c' }, events: ['case.resolved'], timeout: { amount: 31, unit: 'days' } },
    ],
    [
      'an unknown event',
      waitCaseNode.paramsSchema,
      { case: { node: 'c' }, events: ['case.exploded'], timeout: { amount: 1, unit: 'days' } },
    ],
    ['a route named else', logicConditionNode.paramsSchema, { routes: [{ id: 'else', when: '{{ true }}' }] }],
    ['a condition that is not an expression', logicConditionNode.paramsSchema, { routes: [{ id: 'a', when: 'true' }] }],
    [
      'an SLA over 90 days',
      caseCreateNode.paramsSchema,
      { 'case-template-id': 'ctmpl_x', sla: { amount: 91, unit: 'days' } },
    ],
  ] as const)('rejects %s', (_name, schema, params) => {
    expect(schema.safeParse(params).success).toBe(false);
  });
});
