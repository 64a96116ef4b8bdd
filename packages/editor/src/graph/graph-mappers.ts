import { isNodeKind, type Graph, type GraphEdge, type GraphNode } from '@casework/shared';
import {
  UNKNOWN_NODE_TYPE,
  type EditorEdge,
  type EditorNode,
  type FlowSnapshot,
  type VariableDeclarations,
} from './editor-node.ts';

/** A graph node as a canvas node; its `type` is its kind (or `unknown`), its data the rest. */
export function toEditorNode(node: GraphNode): EditorNode {
  const data = { kind: node.kind, version: node.version, label: node.label ?? '', params: node.params };
  const base = { id: node.id, position: { x: node.position.x, y: node.position.y } };
  // The cast joins the kind to its node type, which TypeScript can't follow through `isNodeKind`.
  return (
    isNodeKind(node.kind) ? { ...base, type: node.kind, data } : { ...base, type: UNKNOWN_NODE_TYPE, data }
  ) as EditorNode;
}

export function toEditorEdge(edge: GraphEdge): EditorEdge {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle ?? null, target: edge.target };
}

export function graphToFlow(graph: Graph): FlowSnapshot {
  return {
    nodes: graph.nodes.map(toEditorNode),
    edges: graph.edges.map(toEditorEdge),
    variables: graph.variables ?? [],
  };
}

export function toGraphNode(node: EditorNode): GraphNode {
  const { kind, version, label, params } = node.data;
  return {
    id: node.id,
    kind,
    version,
    ...(label === '' ? {} : { label }),
    position: { x: node.position.x, y: node.position.y },
    params,
  };
}

export function toGraphEdge(edge: EditorEdge): GraphEdge {
  const handle = edge.sourceHandle ?? undefined;
  return {
    id: edge.id,
    source: edge.source,
    ...(handle === undefined ? {} : { sourceHandle: handle }),
    target: edge.target,
  };
}

/**
 * The shared graph of the canvas, in canvas order; selection, sizes and other view state are dropped. `variables`
 * appear only when there are some, so a graph without them reads as it always did.
 */
export function flowToGraph(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  variables: VariableDeclarations = [],
): Graph {
  const graph: Graph = { nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge) };
  return variables.length > 0 ? { ...graph, variables } : graph;
}
