import { expect, it } from 'vitest';
import { compile, type CompileIssueCode, type Graph } from '../../src/index.ts';
import { apiTrigger, catalog, createCase, edge, minimal, node } from './fixtures.ts';

export type Where = { 'node-id'?: string; 'edge-id'?: string; path?: string; message?: string };

/** `minimal()` with changes: replace nodes by id (null removes), append nodes and edges. */
export function variant(change: { nodes?: Graph['nodes']; edges?: Graph['edges']; drop?: string[] }): Graph {
  const base = minimal();
  const replaced = new Map((change.nodes ?? []).map((n) => [n.id, n]));
  const nodes = base.nodes.filter((n) => !change.drop?.includes(n.id)).map((n) => replaced.get(n.id) ?? n);
  const added = (change.nodes ?? []).filter((n) => !base.nodes.some((existing) => existing.id === n.id));
  return { nodes: [...nodes, ...added], edges: [...base.edges, ...(change.edges ?? [])] };
}

export const setStatus = (status: string, ref = 'create') =>
  node('status', 'case.set-status', { case: { node: ref }, status });
/** trigger → create → `extra` → done. */
export const afterCreate = (extra: Graph['nodes'][number]): Graph => ({
  nodes: [apiTrigger(), createCase(), extra, node('done', 'end')],
  edges: [edge('trigger', 'create'), edge('create', extra.id), edge(extra.id, 'done')],
});
export const many = (count: number) => Array.from({ length: count }, (_, index) => node(`n${index}`, 'end'));

export type IssueCase = [CompileIssueCode, 'error' | 'warning', unknown, Where];

/** Each case's graph compiles to an issue with that code, severity and location; errors fail the compile. */
export function expectIssues(cases: IssueCase[]): void {
  it.each(cases)('%s (%s)', (code, severity, graph, where) => {
    const result = compile(graph, catalog);
    expect(result.issues).toContainEqual(expect.objectContaining({ code, severity, ...where }));
    expect(result.ok).toBe(severity === 'warning');
  });
}
