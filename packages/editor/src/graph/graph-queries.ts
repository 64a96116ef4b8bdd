import { isNodeKind, nodeDefinition } from '@casework/shared';
import type { EditorEdge, EditorNode } from './editor-node.ts';

/** Each node's targets, for the graph walks below. */
export function successorMap(edges: readonly EditorEdge[]): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    const list = successors.get(edge.source);
    if (list) list.push(edge.target);
    else successors.set(edge.source, [edge.target]);
  }
  return successors;
}

/** Whether a path of edges leads from `from` to `to` (a node reaches itself). */
export function reaches(from: string, to: string, edges: readonly EditorEdge[]): boolean {
  const successors = successorMap(edges);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() ?? '';
    if (id === to) return true;
    for (const next of successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

const carriesCase = (node: EditorNode) => isNodeKind(node.data.kind) && nodeDefinition(node.data.kind).outputHasCase;

/**
 * The nearest node at or upstream of `id` whose output carries a case (breadth-first against the edges),
 * so a case action added after it can act on that case without the user picking it.
 */
export function nearestCaseNode(
  id: string,
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): string | undefined {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const predecessors = new Map<string, string[]>();
  for (const edge of edges) predecessors.set(edge.target, [...(predecessors.get(edge.target) ?? []), edge.source]);
  const seen = new Set([id]);
  const queue = [id];
  for (let index = 0; index < queue.length; index++) {
    const at = queue[index] ?? '';
    const node = byId.get(at);
    if (node && carriesCase(node)) return at;
    for (const previous of predecessors.get(at) ?? []) {
      if (!seen.has(previous)) {
        seen.add(previous);
        queue.push(previous);
      }
    }
  }
  return undefined;
}
