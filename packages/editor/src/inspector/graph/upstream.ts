import { isNodeKind, nodeDefinition, predecessorsOf } from '@casework/shared';
import type { InspectorGraph, InspectorNode } from './inspector-graph.ts';

/**
 * The nodes that may run before `id` (its ancestors along edges), nearest first: what `steps.<id>` and `case`
 * references may name. The node itself is left out even on a cycle.
 */
export function upstreamNodes(id: string, graph: InspectorGraph): InspectorNode[] {
  const successors = new Map<string, string[]>();
  for (const edge of graph.edges) successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  const predecessors = predecessorsOf(successors);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Set([id]);
  const found: InspectorNode[] = [];
  const queue = [id];
  for (let index = 0; index < queue.length; index++) {
    for (const previous of predecessors.get(queue[index] ?? '') ?? []) {
      if (seen.has(previous)) continue;
      seen.add(previous);
      queue.push(previous);
      const node = byId.get(previous);
      if (node) found.push(node);
    }
  }
  return found;
}

export const outputHasCase = (kind: string): boolean => isNodeKind(kind) && nodeDefinition(kind).outputHasCase;

/** Upstream nodes whose output carries a case: what a `case: { node }` reference of `id` may name. */
export const caseSources = (id: string, graph: InspectorGraph): InspectorNode[] =>
  upstreamNodes(id, graph).filter((node) => outputHasCase(node.kind));

const isTrigger = (node: InspectorNode) => isNodeKind(node.kind) && nodeDefinition(node.kind).role === 'trigger';

/**
 * The trigger whose output `trigger` reads in `id`'s expressions: the one upstream, else (a node not yet
 * connected) the graph's first trigger, since a valid graph has exactly one.
 */
export function triggerFor(id: string, graph: InspectorGraph): InspectorNode | null {
  return upstreamNodes(id, graph).find(isTrigger) ?? graph.nodes.find(isTrigger) ?? null;
}
