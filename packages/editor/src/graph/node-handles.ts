import { handlesOf, isNodeKind, nodeDefinition, type TypedNode } from '@casework/shared';
import type { EditorEdge, EditorNodeData } from './editor-node.ts';

const cache = new WeakMap<Record<string, unknown>, string[]>();

/**
 * A node's output handles. Valid params give the catalog's answer; a draft's invalid params still give the
 * handles the user can see (its kind's `draftHandles`: each route id that is a string, `matched`/`timed-out`), so
 * edges stay drawn while the params are being edited. Memoized per params object: nodes re-render often, params change rarely.
 */
export function nodeHandles(data: Pick<EditorNodeData, 'kind' | 'params'>): string[] {
  const cached = cache.get(data.params);
  if (cached) return cached;
  const handles = computeHandles(data.kind, data.params);
  cache.set(data.params, handles);
  return handles;
}

function computeHandles(kind: string, params: Record<string, unknown>): string[] {
  if (!isNodeKind(kind)) return [];
  const parsed = nodeDefinition(kind).paramsSchema.safeParse(params);
  if (parsed.success) {
    return handlesOf({ id: '', kind, version: 1, label: '', params: parsed.data } as TypedNode);
  }
  const definition = nodeDefinition(kind);
  return definition.draftHandles?.(params) ?? definition.handles(params);
}

/** The handle an edge leaves through: its own, or the node's only handle when the edge names none. */
export function edgeHandle(edge: Pick<EditorEdge, 'sourceHandle'>, handles: readonly string[]): string | undefined {
  return edge.sourceHandle ?? (handles.length === 1 ? handles[0] : undefined);
}
