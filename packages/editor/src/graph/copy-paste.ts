import type { EditorEdge, EditorNode, FlowSnapshot } from './editor-node.ts';
import { freshEdgeId, freshNodeId } from './fresh-ids.ts';

/** A copied selection: its nodes and only the edges between them. */
export type Clipboard = FlowSnapshot;

export const PASTE_OFFSET = 40;

/** The selected nodes and the edges joining two of them; edges to the rest of the graph stay behind. */
export function copySelection(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Clipboard | null {
  const copied = nodes.filter((node) => node.selected);
  if (copied.length === 0) return null;
  const ids = new Set(copied.map((node) => node.id));
  return {
    nodes: copied.map((node) => ({ ...node, selected: false })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ ...edge, selected: false })),
  };
}

/**
 * Copies of the clipboard's nodes and edges with fresh ids, moved by `offset` and selected. A `case`
 * reference to a node that was copied too follows the copy, so a pasted chain acts on its own case.
 */
export function pasteClipboard(
  clipboard: Clipboard,
  existing: FlowSnapshot,
  offset: { x: number; y: number },
): FlowSnapshot {
  const takenNodes = new Set(existing.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  for (const node of clipboard.nodes) {
    const id = freshNodeId(node.data.kind, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
  }
  const nodes = clipboard.nodes.map(
    (node): EditorNode =>
      ({
        id: renamed.get(node.id) ?? node.id,
        type: node.type,
        position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
        data: { ...node.data, params: followCaseRef(node.data.params, renamed) },
        selected: true,
      }) as EditorNode,
  );
  const takenEdges = new Set(existing.edges.map((edge) => edge.id));
  const edges = clipboard.edges.map((edge): EditorEdge => {
    const source = renamed.get(edge.source) ?? edge.source;
    const id = freshEdgeId(source, edge.sourceHandle, takenEdges);
    takenEdges.add(id);
    return {
      id,
      source,
      sourceHandle: edge.sourceHandle ?? null,
      target: renamed.get(edge.target) ?? edge.target,
      selected: true,
    };
  });
  return { nodes, edges };
}

function followCaseRef(params: Record<string, unknown>, renamed: ReadonlyMap<string, string>): Record<string, unknown> {
  const ref = params.case;
  if (typeof ref !== 'object' || ref === null || !('node' in ref) || typeof ref.node !== 'string') return params;
  const target = renamed.get(ref.node);
  return target === undefined ? params : { ...params, case: { ...ref, node: target } };
}
