import type { FieldSchema } from '../cases/field-schema.ts';
import { fieldValueProblem } from '../cases/field-values.ts';
import { hasExpression } from '../expressions/expression-template.ts';
import type { FieldOperation } from '../nodes/case.update-fields.node.ts';
import type { TypedNode } from '../nodes/node-catalog.ts';
import type { CatalogSnapshot, TemplateSnapshot } from './catalog-snapshot.ts';
import { assertNever, caseRefOf } from './check-references.ts';
import { issue, pointer, type CompileIssue } from './compile-issue.ts';

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
 * Resolves the template of the case a node's output carries, when known at design time (a `case.create`
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
    const template =
      node?.kind === 'case.create' ? node.params['case-template-id'] : ref === null ? null : resolve(ref);
    resolved.set(id, template);
    return template;
  };
  return resolve;
}

interface Context {
  node: TypedNode;
  catalog: CatalogSnapshot;
  template: TemplateSnapshot | null;
  issues: CompileIssue[];
}

const at = (context: Context, path: string) => ({ 'node-id': context.node.id, path });

function checkQueue(context: Context, queueId: string | undefined, path: string): void {
  if (queueId === undefined || hasExpression(queueId)) return;
  const queue = context.catalog.queues.find((candidate) => candidate.id === queueId);
  if (!queue) context.issues.push(issue('unknown-queue', `no case queue "${queueId}"`, at(context, path)));
  else if (queue.status !== 'active')
    context.issues.push(issue('unknown-queue', `case queue "${queueId}" is archived`, at(context, path)));
}

function fieldOf(context: Context, key: string, path: string): FieldSchema | null {
  if (!context.template) return null;
  const field = context.template.fieldSchemas.find((candidate) => candidate.key === key);
  if (!field)
    context.issues.push(
      issue('unknown-field', `template "${context.template.key}" has no field "${key}"`, at(context, path)),
    );
  return field ?? null;
}

function checkValue(context: Context, field: FieldSchema, value: unknown, path: string): void {
  if (!isLiteral(value)) return;
  const problem = fieldValueProblem(field, value);
  if (problem) context.issues.push(issue('field-type-mismatch', `"${field.key}" ${problem}`, at(context, path)));
}

const listItemField = (field: FieldSchema): FieldSchema | null =>
  field.type === 'multi-choice'
    ? { key: field.key, type: 'choice', required: false, config: field.config }
    : field.type === 'string-array'
      ? { key: field.key, type: 'string', required: false }
      : null;

function checkOperation(context: Context, op: FieldOperation, field: FieldSchema, value: unknown, path: string) {
  if (op === 'unset' || op === 'set') return op === 'set' ? checkValue(context, field, value, path) : undefined;
  const item = listItemField(field);
  if (!item) {
    context.issues.push(
      issue('field-type-mismatch', `"${op}" needs a list field; "${field.key}" is ${field.type}`, at(context, path)),
    );
  } else if (op === 'append') checkValue(context, field, value, path);
  else checkValue(context, item, value, path);
}

/** Checks a node's params against the catalog snapshot: templates, statuses, fields and queues exist and fit. */
export function checkCatalog(
  node: TypedNode,
  templateOf: (id: string) => string | null,
  catalog: CatalogSnapshot,
  issues: CompileIssue[],
) {
  const templateId = node.kind === 'case.create' ? node.params['case-template-id'] : templateOf(node.id);
  const template = catalog.templates.find((candidate) => candidate.id === templateId) ?? null;
  const context: Context = { node, catalog, template, issues };
  switch (node.kind) {
    case 'case.create': {
      const path = '/params/case-template-id';
      if (!template)
        issues.push(issue('unknown-template', `no case template "${templateId ?? ''}"`, at(context, path)));
      else if (template.status !== 'active')
        issues.push(issue('unknown-template', `case template "${template.key}" is archived`, at(context, path)));
      checkQueue(context, node.params['case-queue-id'], '/params/case-queue-id');
      for (const [key, value] of Object.entries(node.params.fields)) {
        const path = pointer('/params/fields', key);
        const field = fieldOf(context, key, path);
        if (field) checkValue(context, field, value, path);
      }
      return;
    }
    case 'case.update-fields':
      node.params.operations.forEach((operation, index) => {
        const path = `/params/operations/${index}`;
        const field = fieldOf(context, operation.field, `${path}/field`);
        if (field)
          checkOperation(context, operation.op, field, 'value' in operation ? operation.value : null, `${path}/value`);
      });
      return;
    case 'case.set-status':
      if (
        template &&
        !hasExpression(node.params.status) &&
        !template.statuses.some((s) => s.name === node.params.status)
      ) {
        const names = template.statuses.map((s) => s.name).join(', ');
        issues.push(
          issue(
            'unknown-status',
            `"${node.params.status}" is not a status of "${template.key}" (${names})`,
            at(context, '/params/status'),
          ),
        );
      }
      return;
    case 'case.add-to-queue':
      return checkQueue(context, node.params['case-queue-id'], '/params/case-queue-id');
    case 'trigger.api':
    case 'trigger.event':
    case 'case.attach-objects':
    case 'case.assign':
    case 'case.set-sla':
    case 'case.clear-sla':
    case 'case.add-comment':
    case 'case.add-tags':
    case 'logic.condition':
    case 'wait.duration':
    case 'wait.case':
    case 'end':
      return;
    default:
      return assertNever(node);
  }
}
