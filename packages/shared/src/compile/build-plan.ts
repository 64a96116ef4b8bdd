import type { TypedNode } from '../nodes/node-catalog.ts';
import type { CheckedEdges } from './check-edges.ts';
import { issue, type CompileIssue } from './compile-issue.ts';
import { compileLimits, utf8Length } from './compile-limits.ts';
import type { Plan, PlanStep } from './plan.ts';
import type { VariableDeclaration } from '../variables/run-variables.ts';

/** Builds the plan from checked parts, and checks its size; null when it is too large. */
export function buildPlan(
  trigger: string,
  order: readonly string[],
  typed: ReadonlyMap<string, TypedNode>,
  edges: CheckedEdges,
  issues: CompileIssue[],
  variables: ReadonlyMap<string, VariableDeclaration>,
): Plan | null {
  const steps: Record<string, PlanStep> = {};
  for (const id of order) {
    const node = typed.get(id);
    if (!node) continue;
    const next = Object.fromEntries(edges.next.get(id) ?? []);
    steps[id] = { kind: node.kind, version: node.version, label: node.label, params: node.params, next } as PlanStep;
  }
  const plan: Plan = { version: 1, trigger, steps };
  if (variables.size > 0) plan.variables = [...variables.values()];
  const bytes = utf8Length(JSON.stringify(plan));
  if (bytes >= compileLimits.planBytes) {
    const message = `the plan is ${bytes} bytes; it must be under ${compileLimits.planBytes}`;
    issues.push(issue('limit-exceeded', message, { path: '/' }));
    return null;
  }
  return plan;
}
