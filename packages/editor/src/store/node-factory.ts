import { nodeDefinition, type NodeKind } from '@casework/shared';
import type { XYPosition } from '@xyflow/react';
import { defaultParams } from '../graph/default-params.ts';
import type { EditorEdge, EditorNode } from '../graph/editor-node.ts';
import { freshNodeId } from '../graph/fresh-ids.ts';
import { nearestCaseNode } from '../graph/graph-queries.ts';
import { infoOf } from '../graph/kind-info.ts';
import { edgeHandle, nodeHandles } from '../graph/node-handles.ts';

/** A selected new node of `kind`; after `after`, its `case` names the nearest case upstream of `after`. */
export function createNode(
  kind: NodeKind,
  position: XYPosition,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  after?: string,
): EditorNode {
  const id = freshNodeId(kind, new Set(nodes.map((node) => node.id)));
  const caseNode = after === undefined ? undefined : nearestCaseNode(after, nodes, edges);
  const data = {
    kind,
    version: nodeDefinition(kind).version,
    label: infoOf(kind).title,
    params: defaultParams(kind, { caseNode }),
  };
  return { id, type: kind, position, data, selected: true } as EditorNode;
}

/** The first output handle of `id` that no edge leaves through yet. */
export function firstFreeHandle(
  id: string,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): string | undefined {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) return undefined;
  const handles = nodeHandles(node.data);
  const used = new Set(edges.filter((edge) => edge.source === id).map((edge) => edgeHandle(edge, handles)));
  return handles.find((handle) => !used.has(handle));
}

/** The items with exactly `ids` selected; items whose selection doesn't change keep their identity. */
export function withSelection<T extends { id: string; selected?: boolean }>(
  items: readonly T[],
  ids: ReadonlySet<string>,
): T[] {
  return items.map((item) => {
    const selected = ids.has(item.id);
    return (item.selected ?? false) === selected ? item : { ...item, selected };
  });
}
