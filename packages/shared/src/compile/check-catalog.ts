import type { FieldSchema } from '../cases/field-schema.ts';
import { fieldValueProblem } from '../cases/field-values.ts';
import { hasExpression } from '../expressions/expression-template.ts';
import type { CatalogCheck } from '../nodes/node-checks.ts';
import { caseRefOf, createdCaseTemplateOf, typedDefinition, type TypedNode } from '../nodes/node-catalog.ts';
import type { VariableDeclaration } from '../variables/run-variables.ts';
import type { CatalogSnapshot } from './catalog-snapshot.ts';
import { issue, type CompileIssue } from './compile-issue.ts';

/** True when a value is fixed at design time (holds no `{{ … }}` anywhere), so its type can be checked now. */
const isLiteral = (value: unknown): boolean =>
  typeof value === 'string'
    ? !hasExpression(value)
    : Array.isArray(value)
      ? value.every(isLiteral)
      : value !== null && typeof value === 'object'
        ? Object.values(value).every(isLiteral)
        : true;

/**
 * Resolves the template of the case a node's output carries, when known at design time (a node that creates a case
 * upstream along `case` references; not an event trigger's case). Memoized: chains of references are long.
 */
export function templateResolver(typed: ReadonlyMap<string, TypedNode>): (id: string) => string | null {
  const resolved = new Map<string, string | null>();
  const resolve = (id: string): string | null => {
    const known = resolved.get(id);
    if (known !== undefined) return known;
    resolved.set(id, null); // a reference cycle resolves to "unknown"
    const node = typed.get(id);
    const ref = node ? caseRefOf(node) : null;
    const created = node ? createdCaseTemplateOf(node) : null;
    const template = created ?? (ref === null ? null : resolve(ref));
    resolved.set(id, template);
    return template;
  };
  return resolve;
}

/** The checks a kind's `checkCatalog` reports through, at the node's params paths. */
function catalogCheck(
  node: TypedNode,
  catalog: CatalogSnapshot,
  templateId: string | null,
  variables: ReadonlyMap<string, VariableDeclaration>,
  issues: CompileIssue[],
) {
  const template = catalog.templates.find((candidate) => candidate.id === templateId) ?? null;
  const report: CatalogCheck['report'] = (code, message, path) =>
    issues.push(issue(code, message, { 'node-id': node.id, path }));
  const check: CatalogCheck = {
    catalog,
    template,
    report,
    queue: (queueId, path) => {
      if (queueId === undefined || hasExpression(queueId)) return;
      const queue = catalog.queues.find((candidate) => candidate.id === queueId);
      if (!queue) report('unknown-queue', `no case queue "${queueId}"`, path);
      else if (queue.status !== 'active') report('unknown-queue', `case queue "${queueId}" is archived`, path);
    },
    field: (key, path) => {
      if (!template) return null;
      const field = template.fieldSchemas.find((candidate) => candidate.key === key);
      if (!field) report('unknown-field', `template "${template.key}" has no field "${key}"`, path);
      return field ?? null;
    },
    value: (field: FieldSchema, value, path) => {
      if (!isLiteral(value)) return;
      const problem = fieldValueProblem(field, value);
      if (problem) report('field-type-mismatch', `"${field.key}" ${problem}`, path);
    },
    variable: (name, path) => {
      const declaration = variables.get(name);
      if (!declaration) report('unknown-variable', `the workflow declares no variable "${name}"`, path);
      return declaration ?? null;
    },
    isLiteral,
  };
  return check;
}

/** Checks a node's params against the catalog snapshot: templates, statuses, fields and queues exist and fit. */
export function checkCatalog(
  node: TypedNode,
  templateOf: (id: string) => string | null,
  catalog: CatalogSnapshot,
  variables: ReadonlyMap<string, VariableDeclaration>,
  issues: CompileIssue[],
) {
  const check = typedDefinition(node).checkCatalog;
  if (check) check(node.params, catalogCheck(node, catalog, templateOf(node.id), variables, issues));
}
