import type { EditorEdge, EditorNode } from './editor-node.ts';
import { reaches } from './graph-queries.ts';
import { roleOf } from './kind-info.ts';
import { edgeHandle, nodeHandles } from './node-handles.ts';

/** Why a connection is refused; null when it may be drawn. */
export type ConnectionRefusal =
  'missing-node' | 'self-loop' | 'into-trigger' | 'unknown-handle' | 'handle-in-use' | 'cycle';

export const refusalMessages: Record<ConnectionRefusal, string> = {
  'missing-node': 'One end of the connection is not on the canvas.',
  'self-loop': 'A node cannot lead to itself.',
  'into-trigger': 'A trigger starts the run: nothing can lead into it.',
  'unknown-handle': 'That node has no such output.',
  'handle-in-use': 'That output already leads somewhere; delete its connection first.',
  cycle: 'That connection would make the flow loop back.',
};

/** A connection being drawn: React Flow's `Connection`, or an edge. */
export interface Link {
  source: string;
  target: string;
  sourceHandle?: string | null | undefined;
}

/**
 * Checks a link the user is drawing against the rules the compiler enforces, so the canvas refuses it
 * instead of drawing something `compile` rejects: one edge per output handle, no edge into a trigger, no loops.
 */
export function connectionRefusal(
  link: Link,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): ConnectionRefusal | null {
  const source = nodes.find((node) => node.id === link.source);
  const target = nodes.find((node) => node.id === link.target);
  if (!source || !target) return 'missing-node';
  if (source.id === target.id) return 'self-loop';
  if (roleOf(target.data.kind) === 'trigger') return 'into-trigger';
  const handles = nodeHandles(source.data);
  const handle = edgeHandle(link, handles);
  if (handle === undefined || !handles.includes(handle)) return 'unknown-handle';
  const inUse = edges.some((edge) => edge.source === source.id && edgeHandle(edge, handles) === handle);
  if (inUse) return 'handle-in-use';
  if (reaches(target.id, source.id, edges)) return 'cycle';
  return null;
}

export function isValidConnection(link: Link, nodes: readonly EditorNode[], edges: readonly EditorEdge[]): boolean {
  return connectionRefusal(link, nodes, edges) === null;
}
