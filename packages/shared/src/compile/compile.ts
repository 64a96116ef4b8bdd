import { createAncestry } from '../graph/ancestry.ts';
import { dominance, immediateDominators, predecessorsOf, topologicalOrder } from '../graph/graph-utils.ts';
import { graphSchema } from '../graph/graph.schema.ts';
import { buildPlan } from './build-plan.ts';
import type { CatalogSnapshot } from './catalog-snapshot.ts';
import { checkCatalog, templateResolver } from './check-catalog.ts';
import { checkEdges } from './check-edges.ts';
import { checkFlow } from './check-flow.ts';
import { checkLoopScope, loopBodies } from './check-loop-scope.ts';
import { checkNodes } from './check-nodes.ts';
import { checkParallels, sequentialSuccessors } from './check-parallel.ts';
import { checkCaseRef, checkExpressions, type ReferenceScope } from './check-references.ts';
import { checkVariables } from './check-variables.ts';
import { issue, pointer, type CompileIssue } from './compile-issue.ts';
import { compileLimits } from './compile-limits.ts';
import { memoizedAnalysis } from './expression-analysis.ts';
import type { Plan } from './plan.ts';

/** A plan when there is no error; warnings (unreachable nodes, open handles) come with it. */
export type CompileResult = { ok: true; plan: Plan; issues: CompileIssue[] } | { ok: false; issues: CompileIssue[] };

const result = (plan: Plan | null, issues: CompileIssue[]): CompileResult =>
  plan !== null && !issues.some((found) => found.severity === 'error')
    ? { ok: true, plan, issues }
    : { ok: false, issues };

/**
 * Compiles a workflow graph (any JSON: a draft may be invalid) against a catalog snapshot. Pure and
 * deterministic: the same graph and snapshot give the same result, whatever the order of nodes and edges.
 */
export function compile(input: unknown, catalog: CatalogSnapshot): CompileResult {
  const parsed = graphSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((problem) =>
      issue('invalid-graph', problem.message, {
        path: problem.path.reduce<string>((at, s) => pointer(at, String(s)), ''),
      }),
    );
    return { ok: false, issues };
  }
  const graph = parsed.data;
  const issues: CompileIssue[] = [];
  if (graph.nodes.length > compileLimits.nodes) {
    issues.push(
      issue('limit-exceeded', `${graph.nodes.length} nodes; at most ${compileLimits.nodes}`, { path: '/nodes' }),
    );
  }
  if (graph.edges.length > compileLimits.edges) {
    issues.push(
      issue('limit-exceeded', `${graph.edges.length} edges; at most ${compileLimits.edges}`, { path: '/edges' }),
    );
  }
  if (issues.length > 0) return { ok: false, issues };

  const variables = checkVariables(graph.variables, issues);
  const nodes = checkNodes(graph.nodes, issues);
  const edges = checkEdges(graph.edges, nodes, issues);
  const flow = checkFlow(nodes, edges, issues);
  const predecessors = predecessorsOf(edges.successors);
  // Each step after every step that leads to it: the plan's step order, and what expressions may read before a step.
  const order = flow.trigger !== null && flow.acyclic ? topologicalOrder(flow.trigger, edges.successors) : [];
  const regions =
    flow.trigger !== null && flow.acyclic
      ? checkParallels({ typed: nodes.typed, next: edges.next, predecessors, reachable: flow.reachable }, issues)
      : new Map();
  const scope = {
    ...referenceScope(nodes, order, flow.trigger, flow.acyclic, {
      predecessors,
      dominance: regions.size > 0 ? sequentialSuccessors(edges.successors, regions) : edges.successors,
    }),
    variables: new Set(variables.keys()),
  };
  const templateOf = templateResolver(nodes.typed);
  const bodies = loopBodies(regions);
  for (const node of nodes.typed.values()) {
    checkExpressions(node, scope, issues);
    checkLoopScope(node, bodies, scope, issues);
    checkCaseRef(node, scope, issues);
    checkCatalog(node, templateOf, catalog, variables, issues);
  }
  if (flow.trigger === null || issues.some((found) => found.severity === 'error')) return { ok: false, issues };
  // No error, so no cycle: `order` holds every reachable step, in the order a run lists them.
  return result(buildPlan(flow.trigger, order, nodes.typed, edges, issues, variables), issues);
}

function referenceScope(
  nodes: ReturnType<typeof checkNodes>,
  order: readonly string[],
  trigger: string | null,
  acyclic: boolean,
  derived: { predecessors: Map<string, string[]>; dominance: ReadonlyMap<string, readonly string[]> },
): Omit<ReferenceScope, 'variables'> {
  const { predecessors } = derived;
  const mayRunBefore = createAncestry(order, predecessors);
  const idom =
    trigger !== null && acyclic ? immediateDominators(trigger, derived.dominance) : new Map<string, string | null>();
  // Without a dominator tree (a cycle, or no trigger) fall back to ancestry; the flow is reported invalid anyway.
  const dominates = dominance(idom);
  const surelyRunsBefore = (other: string, id: string) =>
    idom.has(id) ? dominates(other, id) : mayRunBefore(other, id);
  return { typed: nodes.typed, ids: nodes.ids, mayRunBefore, surelyRunsBefore, analyze: memoizedAnalysis() };
}
