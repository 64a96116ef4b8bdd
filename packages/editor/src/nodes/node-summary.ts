import { isNodeKind, nodeDefinition, type CatalogSnapshot } from '@casework/shared';

type Params = Record<string, unknown>;

const MAX_LINE = 48;
const noCatalog: CatalogSnapshot = { templates: [], queues: [] };

const clip = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line);

/**
 * The one or two parameters that tell nodes of a kind apart on the canvas (each kind's `summary`, in
 * packages/shared/src/nodes/); never more than two lines.
 */
export function nodeSummary(kind: string, params: Params, catalog: CatalogSnapshot = noCatalog): string[] {
  if (!isNodeKind(kind)) return [];
  return nodeDefinition(kind)
    .summary(params, catalog)
    .filter((line): line is string => line !== undefined)
    .slice(0, 2)
    .map(clip);
}

/** What a node's output handle is called on the canvas: its kind's label for it (a route's label), else its id. */
export function handleLabel(kind: string, params: Params, handle: string): string {
  return (isNodeKind(kind) ? nodeDefinition(kind).handleLabel?.(params, handle) : undefined) ?? handle;
}
