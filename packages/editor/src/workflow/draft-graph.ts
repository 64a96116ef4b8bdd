import type { Graph } from '@casework/shared';
import { parseGraphJson } from '../graph/graph-json.ts';

/**
 * The stored draft as a graph the canvas can show. Drafts are saved whatever their state, but only ones the
 * editor itself wrote (or the API's default) are sure to be graphs; anything else is reported, not guessed at.
 */
export function draftGraph(draft: Record<string, unknown>): { ok: true; graph: Graph } | { ok: false; error: string } {
  const parsed = parseGraphJson(JSON.stringify(draft));
  return parsed.ok ? { ok: true, graph: parsed.graph } : { ok: false, error: parsed.error };
}
