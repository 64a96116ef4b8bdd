import type { EditorEdge, EditorNode } from '../../graph/editor-node.ts';

/** A node as the inspector's graph questions need it: params as drafted (not validated). */
export interface InspectorNode {
  id: string;
  kind: string;
  label: string;
  params: Record<string, unknown>;
}

/** The graph the inspector reasons about: which nodes run before which, and what their outputs hold. */
export interface InspectorGraph {
  nodes: readonly InspectorNode[];
  edges: readonly { source: string; target: string }[];
}

export function inspectorGraph(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): InspectorGraph {
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.data.kind,
      label: node.data.label,
      params: node.data.params,
    })),
    edges: edges.map((edge) => ({ source: edge.source, target: edge.target })),
  };
}

/** `Create KYC case (create-case)`, or the id alone when the node has no label. */
export const nodeName = (node: InspectorNode): string =>
  node.label === '' || node.label === node.id ? node.id : `${node.label} (${node.id})`;
