import { compile, type CatalogSnapshot, type CompileIssue, type CompileResult } from '@casework/shared';
import type { EditorEdge, EditorNode, VariableDeclarations } from '../graph/editor-node.ts';
import { flowToGraph } from '../graph/graph-mappers.ts';
import type { DerivedState } from './editor-state.ts';

/**
 * Derives compile results, per-node issues and the selection from the canvas, reusing earlier answers:
 * compile reruns only when a node's data, the node list or an edge's ends change (not on drags, selection
 * or measuring, which leave `data` objects alone), and unchanged facts keep their references so
 * components that select them don't re-render.
 */
export function createDerivations(): (
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  variables: VariableDeclarations,
  catalog: CatalogSnapshot,
) => DerivedState {
  let last: {
    nodes: readonly EditorNode[];
    edges: readonly EditorEdge[];
    variables: VariableDeclarations;
    catalog: CatalogSnapshot;
  } | null = null;
  let derived: DerivedState | null = null;
  return (nodes, edges, variables, catalog) => {
    const sameGraph =
      last !== null &&
      last.catalog === catalog &&
      last.variables === variables &&
      sameNodes(last.nodes, nodes) &&
      sameEdges(last.edges, edges);
    const compiled = sameGraph && derived ? derived.compiled : compile(flowToGraph(nodes, edges, variables), catalog);
    const issuesByNode =
      derived && compiled === derived.compiled ? derived.issuesByNode : groupIssues(compiled, derived?.issuesByNode);
    last = { nodes, edges, variables, catalog };
    derived = {
      compiled,
      issuesByNode,
      selectedNodeIds: sameIds(derived?.selectedNodeIds, selectedIds(nodes)),
      selectedEdgeIds: sameIds(derived?.selectedEdgeIds, selectedIds(edges)),
    };
    return derived;
  };
}

function sameNodes(a: readonly EditorNode[], b: readonly EditorNode[]): boolean {
  return (
    a === b ||
    (a.length === b.length && a.every((node, index) => node.id === b[index]?.id && node.data === b[index].data))
  );
}

function sameEdges(a: readonly EditorEdge[], b: readonly EditorEdge[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((edge, index) => {
        const other = b[index];
        return (
          other !== undefined &&
          edge.id === other.id &&
          edge.source === other.source &&
          edge.target === other.target &&
          (edge.sourceHandle ?? null) === (other.sourceHandle ?? null)
        );
      }))
  );
}

const issueKey = (found: CompileIssue) =>
  `${found.severity}\u0000${found.code}\u0000${found['edge-id'] ?? ''}\u0000${found.path ?? ''}\u0000${found.message}`;

function groupIssues(
  compiled: CompileResult,
  previous: ReadonlyMap<string, readonly CompileIssue[]> | undefined,
): ReadonlyMap<string, readonly CompileIssue[]> {
  const grouped = new Map<string, CompileIssue[]>();
  for (const found of compiled.issues) {
    const id = found['node-id'];
    if (id === undefined) continue;
    const list = grouped.get(id);
    if (list) list.push(found);
    else grouped.set(id, [found]);
  }
  const result = new Map<string, readonly CompileIssue[]>();
  for (const [id, issues] of grouped) {
    const before = previous?.get(id);
    const unchanged =
      before?.length === issues.length &&
      before.every((found, i) => issueKey(found) === issueKey(issues[i] as CompileIssue));
    result.set(id, unchanged && before ? before : issues);
  }
  return result;
}

function selectedIds(items: readonly { id: string; selected?: boolean }[]): string[] {
  return items.filter((item) => item.selected === true).map((item) => item.id);
}

function sameIds(previous: readonly string[] | undefined, next: string[]): readonly string[] {
  return previous?.length === next.length && previous.every((id, index) => id === next[index]) ? previous : next;
}
