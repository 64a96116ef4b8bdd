import { describe, expect, it } from 'vitest';
import { compile, nodeCatalog, type CatalogSnapshot, type Graph } from '../src/index.ts';
import { apiTrigger, catalog, edge, node } from './graph/fixtures.ts';

const withWorkflows: CatalogSnapshot = {
  ...catalog,
  currentWorkflowId: 'wfl_self',
  workflows: [
    { id: 'wfl_self', name: 'Parent', status: 'active', live: true },
    { id: 'wfl_child', name: 'Child', status: 'active', live: true },
    { id: 'wfl_draft', name: 'Never published', status: 'active', live: false },
    { id: 'wfl_old', name: 'Old', status: 'archived', live: true },
  ],
};

/** trigger → call → done. */
const calling = (params: Record<string, unknown>): Graph => ({
  nodes: [apiTrigger(), node('call', 'flow.run-workflow', params), node('done', 'end')],
  edges: [edge('trigger', 'call'), edge('call', 'done')],
});

describe('flow.run-workflow', () => {
  it('compiles a call with mapped input, waiting for the result by default', () => {
    const result = compile(
      calling({ 'workflow-id': 'wfl_child', input: { amount: '{{ trigger.amount * 2 }}', note: 'fixed' } }),
      withWorkflows,
    );
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.steps.call).toMatchObject({
      kind: 'flow.run-workflow',
      params: {
        'workflow-id': 'wfl_child',
        input: { amount: '{{ trigger.amount * 2 }}', note: 'fixed' },
        'wait-for-result': true,
        'continue-on-error': false,
      },
      next: { next: 'done' },
    });
  });

  it.each([
    ['self-call', { 'workflow-id': 'wfl_self' }, 'a workflow cannot run itself'],
    ['unknown-workflow', { 'workflow-id': 'wfl_ghost' }, 'no workflow "wfl_ghost"'],
    ['unknown-workflow', { 'workflow-id': 'wfl_old' }, 'workflow "Old" is archived'],
    ['unknown-workflow', { 'workflow-id': 'wfl_draft' }, 'workflow "Never published" has no published version'],
  ])('refuses %s: %j', (code, params, message) => {
    const result = compile(calling(params), withWorkflows);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code,
        severity: 'error',
        'node-id': 'call',
        path: '/params/workflow-id',
        message: expect.stringContaining(message) as string,
      }),
    );
  });

  it('refuses a workflow id when the snapshot lists no workflows, and checks input expressions', () => {
    expect(compile(calling({ 'workflow-id': 'wfl_child' }), catalog).issues).toContainEqual(
      expect.objectContaining({ code: 'unknown-workflow', 'node-id': 'call' }),
    );
    expect(
      compile(calling({ 'workflow-id': 'wfl_child', input: { a: '{{ steps.done.x }}' } }), withWorkflows).issues,
    ).toContainEqual(expect.objectContaining({ code: 'unknown-reference', path: '/params/input/a' }));
    expect(
      compile(calling({ 'workflow-id': 'wfl_child', input: { 'not a key!': 1 } }), withWorkflows).issues,
    ).toContainEqual(expect.objectContaining({ code: 'invalid-params', 'node-id': 'call' }));
  });

  it('summarizes the called workflow by name and how it is called', () => {
    const { summary } = nodeCatalog['flow.run-workflow'];
    expect(summary({ 'workflow-id': 'wfl_child' }, withWorkflows)).toEqual(['runs Child', 'waits for its result']);
    expect(summary({ 'workflow-id': '', 'wait-for-result': false }, withWorkflows)).toEqual([
      'workflow: not chosen',
      'fire and forget',
    ]);
  });
});
