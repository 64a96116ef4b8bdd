import type { z } from 'zod';
import type { GraphNode } from '../graph/graph.schema.ts';
import { isNodeKind, nodeDefinition, type TypedNode } from '../nodes/node-catalog.ts';
import { issue, pointer, type CompileIssue } from './compile-issue.ts';

export interface CheckedNodes {
  /** Every node id of the graph (first occurrence wins), valid or not: edges to them are not dangling. */
  ids: Set<string>;
  /** Nodes of a known kind and version whose params are valid, in graph order. */
  typed: Map<string, TypedNode>;
  /** Ids of trigger nodes (valid params or not), in graph order. */
  triggers: string[];
}

const zodIssuePath = (base: string, path: readonly PropertyKey[]) =>
  path.reduce<string>((at, segment) => pointer(at, String(segment)), base);

/** Checks ids, kinds, versions and params; params come back parsed, with defaults resolved. */
export function checkNodes(nodes: readonly GraphNode[], issues: CompileIssue[]): CheckedNodes {
  const checked: CheckedNodes = { ids: new Set(), typed: new Map(), triggers: [] };
  for (const node of nodes) {
    if (checked.ids.has(node.id)) {
      issues.push(issue('duplicate-id', `another node already has the id "${node.id}"`, { 'node-id': node.id }));
      continue;
    }
    checked.ids.add(node.id);
    if (!isNodeKind(node.kind)) {
      issues.push(issue('unknown-kind', `unknown node kind "${node.kind}"`, { 'node-id': node.id, path: '/kind' }));
      continue;
    }
    const definition = nodeDefinition(node.kind);
    if (definition.role === 'trigger') checked.triggers.push(node.id);
    if (node.version !== definition.version) {
      const message = `"${node.kind}" has no version ${node.version} (current: ${definition.version})`;
      issues.push(issue('unknown-kind', message, { 'node-id': node.id, path: '/version' }));
      continue;
    }
    const parsed = (definition.paramsSchema as z.ZodType).safeParse(node.params);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const where = { 'node-id': node.id, path: zodIssuePath('/params', problem.path) };
        issues.push(issue('invalid-params', problem.message, where));
      }
      continue;
    }
    const typed = { id: node.id, kind: node.kind, version: node.version, label: node.label ?? node.id };
    checked.typed.set(node.id, { ...typed, params: parsed.data } as TypedNode);
  }
  return checked;
}
