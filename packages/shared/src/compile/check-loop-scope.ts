import { parseExpression } from '../expressions/expression-parse.ts';
import { expressionStrings } from '../expressions/expression-strings.ts';
import { parseTemplate } from '../expressions/expression-template.ts';
import { caseRefOf, type TypedNode } from '../nodes/node-catalog.ts';
import type { ParallelRegion } from './check-parallel.ts';
import { forEachMaxItems } from './compile-limits.ts';
import { issue, type CompileIssue } from './compile-issue.ts';
import type { ReferenceScope } from './check-references.ts';

/** The loop (`logic.for-each` id) whose body each node runs in; nodes outside every body are absent. */
export function loopBodies(regions: ReadonlyMap<string, ParallelRegion>): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const [loop, region] of regions) {
    if (!region.loop) continue;
    for (const branch of region.branches) for (const id of branch.nodes) bodies.set(id, loop);
  }
  return bodies;
}

/**
 * A step of a loop's body runs once per item, so only its own body reads it (`steps.<id>`, a `case` reference):
 * later steps read the loop's collected output `steps.<loop>` instead. And a literal list of items is held to
 * `forEachMaxItems` here already (a computed one at run time).
 */
export function checkLoopScope(
  node: TypedNode,
  bodies: ReadonlyMap<string, string>,
  scope: ReferenceScope,
  issues: CompileIssue[],
): void {
  const outside = (ref: string, from = bodies.get(node.id)) => {
    const loop = bodies.get(ref);
    return loop !== undefined && from !== loop ? loop : null;
  };
  const refusal = (ref: string, loop: string) =>
    `"${ref}" runs in the body of "${loop}", once per item: outside the body read steps.${loop} (its results)`;
  for (const found of expressionStrings(node.params, '/params')) {
    // A loop's `result` reads as the end of its body: its body's steps, or steps before the loop.
    const atBodyEnd = node.kind === 'logic.for-each' && found.path === '/params/result';
    const where = { 'node-id': node.id, path: found.path };
    for (const expression of found.expressions) {
      const analysis = scope.analyze(expression.source);
      if (!analysis.ok) continue;
      for (const ref of analysis.steps) {
        const loop = outside(ref, atBodyEnd ? node.id : bodies.get(node.id));
        if (loop !== null) issues.push(issue('loop-scope', refusal(ref, loop), where));
        else if (atBodyEnd && scope.ids.has(ref) && bodies.get(ref) !== node.id && !scope.mayRunBefore(ref, node.id)) {
          issues.push(
            issue('unknown-reference', `steps.${ref}: "${ref}" does not run before this loop's body ends`, where),
          );
        }
      }
    }
  }
  const caseRef = caseRefOf(node);
  const caseLoop = caseRef === null ? null : outside(caseRef);
  if (caseRef !== null && caseLoop !== null) {
    issues.push(issue('loop-scope', refusal(caseRef, caseLoop), { 'node-id': node.id, path: '/params/case/node' }));
  }
  if (node.kind === 'logic.for-each') {
    const count = literalItemCount(node.params.items);
    if (count !== null && count > forEachMaxItems) {
      const message = `${count} items; a For each runs at most ${forEachMaxItems}`;
      issues.push(issue('limit-exceeded', message, { 'node-id': node.id, path: '/params/items' }));
    }
  }
}

interface Ast {
  type?: string;
  value?: unknown;
  expressions?: Ast[];
  lhs?: Ast;
  rhs?: Ast;
}

/** How many items a literal list (`{{ [1, 2, 3] }}`, `{{ [1..2000] }}`) has; null when the list is computed. */
function literalItemCount(items: string): number | null {
  const template = parseTemplate(items);
  if (template.kind !== 'expression') return null;
  const parsed = parseExpression(template.source);
  if (!parsed.ok) return null;
  const ast = parsed.ast as Ast;
  if (ast.type !== 'unary' || ast.value !== '[' || !ast.expressions) return null;
  let count = 0;
  for (const entry of ast.expressions) {
    const { lhs, rhs } = entry;
    const isRange = entry.type === 'binary' && entry.value === '..';
    if (isRange && typeof lhs?.value === 'number' && typeof rhs?.value === 'number' && lhs.type === 'number') {
      count += Math.max(0, rhs.value - lhs.value + 1);
    } else count += 1;
  }
  return count;
}
