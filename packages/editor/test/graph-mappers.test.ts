import { compile, graphIdSchema, graphSchema, type Graph } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { flowToGraph, graphToFlow } from '../src/graph/graph-mappers.ts';
import { branchGraph, reviewCatalog, reviewWorkflow } from './fixtures/review-workflow.ts';

const roundTrip = (graph: Graph) => {
  const flow = graphToFlow(graph);
  return flowToGraph(flow.nodes, flow.edges);
};

describe('graph mappers', () => {
  it('round-trips the canonical review workflow exactly', () => {
    const graph = reviewWorkflow();
    expect(roundTrip(graph)).toEqual(graph);
    // …and the round-tripped graph still compiles against its catalog.
    const compiled = compile(roundTrip(graph), reviewCatalog());
    expect(compiled.issues.filter((found) => found.severity === 'error')).toEqual([]);
    expect(compiled.ok).toBe(true);
  });

  it('maps kinds to node types, graph fields to node data, and edge handles both ways', () => {
    const { nodes, edges } = graphToFlow(branchGraph());
    expect(nodes[1]).toEqual({
      id: 'check',
      type: 'logic.condition',
      position: { x: 300, y: 0 },
      data: { kind: 'logic.condition', version: 1, label: 'Check', params: branchGraph().nodes[1]?.params },
    });
    expect(edges.map((edge) => edge.sourceHandle)).toEqual([null, 'yes']);
    // An edge without a handle and a node without a label come back without them.
    expect(roundTrip(branchGraph())).toEqual(branchGraph());
    expect(graphSchema.parse(roundTrip(branchGraph()))).toEqual(branchGraph());
  });

  it('keeps nodes of kinds it does not know, as the unknown type', () => {
    const graph: Graph = {
      nodes: [{ id: 'future', kind: 'case.teleport', version: 3, position: { x: 1, y: 2 }, params: { to: 'moon' } }],
      edges: [],
    };
    expect(graphToFlow(graph).nodes[0]?.type).toBe('unknown');
    expect(roundTrip(graph)).toEqual(graph);
  });

  it('drops view state (selection, sizes) when mapping back', () => {
    const { nodes, edges } = graphToFlow(branchGraph());
    const viewed = nodes.map((node) => ({ ...node, selected: true, measured: { width: 220, height: 90 } }));
    expect(flowToGraph(viewed, edges)).toEqual(branchGraph());
    expect(graphIdSchema.safeParse(viewed[0]?.id).success).toBe(true);
  });
});
