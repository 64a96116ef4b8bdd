import type { Graph } from '../graph/graph.schema.ts';
import {
  variableBytes,
  variableLimits,
  variableNamePattern,
  variableValueProblem,
  variablesTotalProblem,
  type VariableDeclaration,
} from '../variables/run-variables.ts';
import { issue, type CompileIssue } from './compile-issue.ts';

/**
 * Checks the workflow's run variables (docs/architecture.md, "Run variables"): each name readable as `vars.<name>`
 * and unique, each default of its type and size. Returns the declarations by name (a duplicate keeps the first).
 */
export function checkVariables(
  declared: Graph['variables'],
  issues: CompileIssue[],
): ReadonlyMap<string, VariableDeclaration> {
  const variables = new Map<string, VariableDeclaration>();
  (declared ?? []).forEach((declaration, index) => {
    const path = `/variables/${index}`;
    const { name, type } = declaration;
    if (!variableNamePattern.test(name)) {
      const message = `variable name "${name}" must start with a letter or "_" and hold only letters, digits and "_"`;
      issues.push(issue('invalid-variable', message, { path: `${path}/name` }));
      return;
    }
    if (variables.has(name)) {
      issues.push(issue('invalid-variable', `another variable is already named "${name}"`, { path: `${path}/name` }));
      return;
    }
    variables.set(name, declaration);
    if (declaration.default === undefined) return;
    const problem = variableValueProblem(type, declaration.default);
    const bytes = variableBytes(declaration.default);
    if (problem)
      issues.push(issue('invalid-variable', `the default of "${name}" ${problem}`, { path: `${path}/default` }));
    else if (bytes > variableLimits.bytes) {
      const message = `the default of "${name}" is ${bytes} bytes of JSON; a variable holds at most ${variableLimits.bytes}`;
      issues.push(issue('limit-exceeded', message, { path: `${path}/default` }));
    }
  });
  const defaults = Object.fromEntries([...variables.values()].map((found) => [found.name, found.default]));
  const total = variablesTotalProblem(defaults);
  if (total)
    issues.push(issue('limit-exceeded', total.replace('would hold', 'hold by default'), { path: '/variables' }));
  return variables;
}
