import type { CatalogSnapshot, Graph } from '@casework/shared';
import { createEditorStore } from '../../src/store/create-editor-store.ts';
import { inspectorGraph, type InspectorGraph } from '../../src/inspector/graph/inspector-graph.ts';
import { reviewCatalog, reviewWorkflow } from '../fixtures/review-workflow.ts';

/** The graph as the inspector sees it, through the real store and mapper. */
export function inspectorGraphOf(graph: Graph): InspectorGraph {
  const { nodes, edges } = createEditorStore({ graph }).getState();
  return inspectorGraph(nodes, edges);
}

/** The canonical review workflow, its catalog, and the inspector's view of it. */
export function reviewSetup(): { graph: Graph; view: InspectorGraph; catalog: CatalogSnapshot } {
  const graph = reviewWorkflow();
  return { graph, view: inspectorGraphOf(graph), catalog: reviewCatalog() };
}

/** The review workflow with an event trigger in place of the API trigger. */
export function eventTriggered(graph: Graph): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.id === 'trigger' ? { ...node, kind: 'trigger.event', params: { event: 'case.created' } } : node,
    ),
  };
}
