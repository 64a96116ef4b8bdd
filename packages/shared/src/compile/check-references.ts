import { expressionStrings } from '../expressions/expression-strings.ts';
import { caseRefOf, nodeCatalog, type TypedNode } from '../nodes/node-catalog.ts';
import { issue, warning, type CompileIssue } from './compile-issue.ts';
import type { ExpressionAnalysis } from './expression-analysis.ts';

export interface ReferenceScope {
  typed: ReadonlyMap<string, TypedNode>;
  ids: ReadonlySet<string>;
  /** Whether `other` may have run before `id` (is its ancestor). */
  mayRunBefore: (other: string, id: string) => boolean;
  /** Whether `other` surely ran before `id` (strictly dominates it from the trigger). */
  surelyRunsBefore: (other: string, id: string) => boolean;
  /** The run variables the workflow declares (`vars.<name>`). */
  variables: ReadonlySet<string>;
  /** Analyses each distinct source once (`{{ trigger.x }}` recurs a lot): see `memoizedAnalysis`. */
  analyze: (source: string) => ExpressionAnalysis;
}

/**
 * Checks every `{{ … }}` in a node's params: JSONata syntax, that each `steps.<id>` is upstream, that each
 * `vars.<name>` is declared, and the limits it would surely break at run time.
 */
export function checkExpressions(node: TypedNode, scope: ReferenceScope, issues: CompileIssue[]): void {
  for (const found of expressionStrings(node.params, '/params')) {
    const where = { 'node-id': node.id, path: found.path };
    if (found.unterminatedAt !== null) {
      issues.push(issue('expression-syntax', `"{{" at ${found.unterminatedAt} is never closed by "}}"`, where));
    }
    for (const expression of found.expressions) {
      const parsed = scope.analyze(expression.source);
      if (!parsed.ok) {
        const at = parsed.position === null ? '' : ` (at ${expression.offset + parsed.position})`;
        issues.push(issue('expression-syntax', `${parsed.message}${at}`, where));
        continue;
      }
      // Warnings: publishing is allowed (the run-time limits hold anyway), the designer hears about it first.
      for (const hazard of parsed.hazards) issues.push(warning('limit-exceeded', hazard, where));
      // A loop's `result` is evaluated at the end of its body: check-loop-scope.ts checks what it reads.
      const atBodyEnd = node.kind === 'logic.for-each' && found.path === '/params/result';
      for (const id of parsed.steps) {
        if (!scope.ids.has(id)) issues.push(issue('unknown-reference', `steps.${id}: there is no node "${id}"`, where));
        else if (!atBodyEnd && !scope.mayRunBefore(id, node.id)) {
          issues.push(issue('unknown-reference', `steps.${id}: "${id}" does not run before this node`, where));
        }
      }
      for (const name of parsed.vars) {
        if (!scope.variables.has(name))
          issues.push(issue('unknown-variable', `vars.${name}: the workflow declares no variable "${name}"`, where));
      }
    }
  }
}

/** Checks a `case` reference names a node that surely ran before and whose output carries a case. */
export function checkCaseRef(node: TypedNode, scope: ReferenceScope, issues: CompileIssue[]): void {
  const ref = caseRefOf(node);
  if (ref === null) return;
  const where = { 'node-id': node.id, path: '/params/case/node' };
  const target = scope.typed.get(ref);
  if (!scope.ids.has(ref)) issues.push(issue('bad-case-ref', `there is no node "${ref}"`, where));
  else if (!scope.mayRunBefore(ref, node.id))
    issues.push(issue('bad-case-ref', `"${ref}" does not run before this node`, where));
  else if (target && !nodeCatalog[target.kind].outputHasCase) {
    issues.push(issue('bad-case-ref', `"${ref}" (${target.kind}) has no case in its output`, where));
  } else if (!scope.surelyRunsBefore(ref, node.id)) {
    issues.push(issue('bad-case-ref', `"${ref}" does not run on every path to this node`, where));
  }
}
