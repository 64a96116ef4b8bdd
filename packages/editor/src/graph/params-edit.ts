import type { EditorEdge, EditorNode, FlowSnapshot } from './editor-node.ts';
import { handleEdit, routeRenames } from './handle-edit.ts';
import { edgeHandle, nodeHandles } from './node-handles.ts';

type Params = Record<string, unknown>;

export interface ParamsEdit {
  graph: FlowSnapshot;
  /** Outputs were added, removed or reordered: the edit is an undo step of its own, never merged with typing. */
  restructured: boolean;
}

/**
 * The graph once node `id`'s params become `params`, its edges following its outputs: a renamed route keeps
 * its edges, a moved one too, a removed one takes its edges along (so does a switched-off `timed-out`).
 * `stepStart` is the graph the current undo step began with (the graph itself when none is under way): an
 * in-place edit is remapped from there on every keystroke, so a half-typed key that is empty or collides with
 * another route's loses track of no edge.
 */
export function editParams(graph: FlowSnapshot, stepStart: FlowSnapshot, id: string, params: Params): ParamsEdit {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  if (!node) return { graph, restructured: false };
  const nodes = graph.nodes.map((other) =>
    other.id === id ? ({ ...other, data: { ...other.data, params } } as EditorNode) : other,
  );
  const { kind } = node.data;
  const edit = handleEdit(kind, node.data.params, params);
  if (edit.type === 'restructured') {
    const handles = nodeHandles(node.data);
    const edges = graph.edges.filter((edge) => {
      const handle = edge.source === id ? edgeHandle(edge, handles) : undefined;
      return handle === undefined || !edit.removed.has(handle);
    });
    return { graph: { nodes, edges: edges.length === graph.edges.length ? graph.edges : edges }, restructured: true };
  }
  const startNode = stepStart.nodes.find((candidate) => candidate.id === id);
  const start = startNode
    ? { params: startNode.data.params, edges: stepStart.edges }
    : { params: node.data.params, edges: graph.edges };
  const renames = routeRenames(kind, start.params, params);
  return { graph: { nodes, edges: renamedEdges(graph.edges, id, renames, start.edges) }, restructured: false };
}

/** `edges` with those leaving `id` moved from the handle they had at the step's start to its new name. */
function renamedEdges(
  edges: EditorEdge[],
  id: string,
  renames: ReadonlyMap<string, string>,
  startEdges: readonly EditorEdge[],
): EditorEdge[] {
  const startHandles = new Map(
    startEdges.filter((edge) => edge.source === id).map((edge) => [edge.id, edge.sourceHandle]),
  );
  let changed = false;
  const next = edges.map((edge) => {
    if (edge.source !== id) return edge;
    const was = startHandles.has(edge.id) ? startHandles.get(edge.id) : edge.sourceHandle;
    const handle = (was != null ? renames.get(was) : undefined) ?? was;
    if ((handle ?? null) === (edge.sourceHandle ?? null)) return edge;
    changed = true;
    return { ...edge, sourceHandle: handle ?? null };
  });
  return changed ? next : edges;
}
