import { graphSchema, type Graph } from '@casework/shared';

export type GraphImport = { ok: true; graph: Graph } | { ok: false; error: string };

const MAX_LISTED_PROBLEMS = 5;

/**
 * Reads a graph from JSON text: a bare graph, or anything holding one under `graph` (an exported workflow,
 * `examples/*.json`). The graph must pass the shared schema and have unique node and edge ids (the canvas
 * needs those); anything else, such as params, is for `compile` to report once it is on the canvas.
 */
export function parseGraphJson(text: string): GraphImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const candidate = isRecord(json) && isRecord(json.graph) && !('nodes' in json) ? json.graph : json;
  const parsed = graphSchema.safeParse(candidate);
  if (!parsed.success)
    return { ok: false, error: `The file is not a workflow graph: ${describe(parsed.error.issues)}` };
  const duplicate = firstDuplicate(parsed.data.nodes) ?? firstDuplicate(parsed.data.edges);
  if (duplicate !== undefined)
    return { ok: false, error: `The graph has two nodes or two edges with the id "${duplicate}".` };
  return { ok: true, graph: parsed.data };
}

/** The graph as the editor exports it: indented JSON that `parseGraphJson` reads back. */
export function formatGraphJson(graph: Graph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const problems = issues.slice(0, MAX_LISTED_PROBLEMS).map((problem) => {
    const at = problem.path.length === 0 ? 'the top level' : problem.path.map(String).join('.');
    return `${at}: ${problem.message}`;
  });
  const more = issues.length - problems.length;
  return `${problems.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}

function firstDuplicate(items: readonly { id: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
