import { compile, graphIdSchema, nodeDefinition, nodeKinds } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../src/graph/default-params.ts';
import { freshEdgeId, freshNodeId, uniqueId } from '../src/graph/fresh-ids.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { branchGraph, reviewWorkflow } from './fixtures/review-workflow.ts';

describe('new nodes', () => {
  it('get readable, unique ids that graphs accept', () => {
    expect(freshNodeId('case.create', new Set())).toBe('create-case');
    expect(freshNodeId('case.create', new Set(['create-case', 'create-case-2']))).toBe('create-case-3');
    expect(freshEdgeId('check', 'else', new Set())).toBe('e-check-else');
    expect(uniqueId('9 lives!', new Set())).toBe('lives-');
    const long = uniqueId('x'.repeat(200), new Set(['x'.repeat(58)]));
    expect(graphIdSchema.safeParse(long).success).toBe(true);
    for (const kind of nodeKinds) expect(graphIdSchema.safeParse(freshNodeId(kind, new Set())).success).toBe(true);
  });

  it.each(['trigger.api', 'trigger.event', 'logic.condition', 'wait.duration', 'end'] as const)(
    'of kind %s start with valid params',
    (kind) => {
      expect(nodeDefinition(kind).paramsSchema.safeParse(defaultParams(kind)).success).toBe(true);
    },
  );

  it('start a case wait on case.resolved with a one-day timeout, valid once the case is known', () => {
    const params = defaultParams('wait.case', { caseNode: 'create-case' });
    expect(params).toMatchObject({ events: ['case.resolved'], timeout: { amount: 1, unit: 'days' } });
    expect(nodeDefinition('wait.case').paramsSchema.safeParse(params).success).toBe(true);
    expect(
      nodeDefinition('case.set-sla').paramsSchema.safeParse(defaultParams('case.set-sla', { caseNode: 'x' })).success,
    ).toBe(true);
  });

  it('added after a node connect from its first free output and act on the nearest case upstream', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    store.getState().importGraphJson(
      JSON.stringify({
        ...reviewWorkflow(),
        edges: reviewWorkflow().edges.filter((edge) => edge.id !== 'e-timeout'),
      }),
    );
    const id = store.getState().addNode('case.add-comment', { x: 0, y: 0 }, { after: 'wait-resolved' });
    const graph = store.getState().graph();
    expect(graph.edges.at(-1)).toEqual({
      id: 'e-wait-resolved-timed-out',
      source: 'wait-resolved',
      sourceHandle: 'timed-out',
      target: id,
    });
    expect(graph.nodes.at(-1)?.params.case).toEqual({ node: 'wait-resolved' });
    expect(store.getState().selectedNodeIds).toEqual([id]);
    // `case` points at the wait, so the comment's params are valid; only its own output is still open.
    const issues = compile(graph, { templates: [], queues: [] }).issues.filter((found) => found['node-id'] === id);
    expect(issues.map((found) => found.code)).toEqual(['unconnected-handle']);
  });

  it('added after a node without a free output stay unconnected', () => {
    const store = createEditorStore({ graph: branchGraph() });
    store.getState().addNode('end', { x: 0, y: 0 }, { after: 'trigger' });
    expect(store.getState().graph().edges).toEqual(branchGraph().edges);
  });
});
