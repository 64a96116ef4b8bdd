import type { GraphEdge } from '../graph/graph.schema.ts';
import { handlesOf } from '../nodes/node-catalog.ts';
import type { CheckedNodes } from './check-nodes.ts';
import { issue, type CompileIssue } from './compile-issue.ts';

export interface CheckedEdges {
  /** Per valid node: each of its handles → the target node id, or null when unconnected. */
  next: Map<string, Map<string, string | null>>;
  /** Targets of each node in a stable order (handle order, then edge id for nodes with invalid params). */
  successors: Map<string, string[]>;
  /** The (first, by id) edge joining two nodes, keyed `source␀target`. */
  edgeIds: Map<string, string>;
}

/** Checks edge ids, ends and handles; each handle leads to at most one node. */
export function checkEdges(edges: readonly GraphEdge[], nodes: CheckedNodes, issues: CompileIssue[]): CheckedEdges {
  const next = new Map(
    [...nodes.typed.values()].map((node) => [node.id, new Map(handlesOf(node).map((h) => [h, null as string | null]))]),
  );
  const loose = new Map<string, string[]>();
  const seen = new Set<string>();
  const edgeIds = new Map<string, string>();
  const link = (edge: GraphEdge) => {
    const key = `${edge.source}\u0000${edge.target}`;
    if (!edgeIds.has(key)) edgeIds.set(key, edge.id);
  };
  for (const edge of [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const at = { 'edge-id': edge.id };
    if (seen.has(edge.id)) {
      issues.push(issue('duplicate-id', `another edge already has the id "${edge.id}"`, at));
      continue;
    }
    seen.add(edge.id);
    const missing = [edge.source, edge.target].filter((end) => !nodes.ids.has(end));
    if (missing.length > 0) {
      issues.push(issue('dangling-edge', `edge refers to missing node(s): ${missing.join(', ')}`, at));
      continue;
    }
    if (nodes.triggers.includes(edge.target)) {
      issues.push(issue('bad-handle', 'a trigger has no input', { ...at, 'node-id': edge.target }));
      continue;
    }
    const handles = next.get(edge.source);
    if (!handles) {
      loose.set(edge.source, [...(loose.get(edge.source) ?? []), edge.target]);
      link(edge);
      continue;
    }
    const names = [...handles.keys()];
    const handle = edge.sourceHandle ?? (names.length === 1 ? names[0] : undefined);
    const where = { ...at, 'node-id': edge.source, path: '/sourceHandle' };
    if (handle === undefined || !handles.has(handle)) {
      const expected = names.length > 0 ? `one of: ${names.join(', ')}` : 'none: this node ends the run';
      issues.push(issue('bad-handle', `no handle "${edge.sourceHandle ?? ''}" (expected ${expected})`, where));
    } else if (handles.get(handle) !== null) {
      issues.push(issue('bad-handle', `handle "${handle}" is already connected`, where));
    } else {
      handles.set(handle, edge.target);
      link(edge);
    }
  }
  const successors = new Map<string, string[]>(loose);
  for (const [id, handles] of next) {
    successors.set(id, [...new Set([...handles.values()].filter((target) => target !== null))]);
  }
  return { next, successors, edgeIds };
}
