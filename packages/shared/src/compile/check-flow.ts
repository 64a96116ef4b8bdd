import { backEdges, reachableFrom } from '../graph/graph-utils.ts';
import { nodeCatalog } from '../nodes/node-catalog.ts';
import type { CheckedEdges } from './check-edges.ts';
import type { CheckedNodes } from './check-nodes.ts';
import { issue, warning, type CompileIssue } from './compile-issue.ts';

export interface CheckedFlow {
  trigger: string | null;
  /** Nodes reachable from the trigger, breadth-first in handle order. */
  reachable: string[];
  acyclic: boolean;
}

/** Checks there is one trigger, every node is reachable from it, the flow has no cycle and all handles lead on. */
export function checkFlow(nodes: CheckedNodes, edges: CheckedEdges, issues: CompileIssue[]): CheckedFlow {
  const [trigger, ...others] = nodes.triggers;
  if (trigger === undefined) issues.push(issue('no-trigger', 'a workflow needs a trigger node'));
  for (const id of others) {
    issues.push(issue('multiple-triggers', `only one trigger allowed (first: "${trigger}")`, { 'node-id': id }));
  }
  const reachable = trigger === undefined ? [] : reachableFrom(trigger, edges.successors);
  const reached = new Set(reachable);
  if (trigger !== undefined) {
    for (const id of nodes.ids) {
      if (!reached.has(id))
        issues.push(warning('unreachable-node', 'no path from the trigger reaches this node', { 'node-id': id }));
    }
  }
  const cycles = backEdges([...(trigger === undefined ? [] : [trigger]), ...nodes.ids], edges.successors);
  for (const [from, to] of cycles) {
    const message = `the flow loops back from "${from}" to "${to}"`;
    issues.push(issue('cycle', message, { 'node-id': to, ...edgeIdOf(edges, from, to) }));
  }
  for (const id of reachable) {
    for (const [handle, target] of edges.next.get(id) ?? []) {
      if (target !== null) continue;
      const where = { 'node-id': id, path: `/handles/${handle}` };
      const node = nodes.typed.get(id);
      const required = node && nodeCatalog[node.kind].requiredHandles?.find((candidate) => candidate.handle === handle);
      if (required) {
        issues.push(issue(required.code, required.message, where));
      } else {
        issues.push(warning('unconnected-handle', `handle "${handle}" is not connected: the run ends there`, where));
      }
    }
  }
  return { trigger: trigger ?? null, reachable, acyclic: cycles.length === 0 };
}

function edgeIdOf(edges: CheckedEdges, from: string, to: string): { 'edge-id'?: string } {
  const id = edges.edgeIds.get(`${from}\u0000${to}`);
  return id === undefined ? {} : { 'edge-id': id };
}
