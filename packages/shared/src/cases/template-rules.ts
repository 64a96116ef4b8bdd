import type { CaseStatusDefinition } from './case-status.ts';
import type { FieldSchema } from './field-schema.ts';

export interface RuleIssue {
  pointer: string;
  message: string;
}

/** A template's semantic rules (docs/architecture.md, "Cases"): exactly one initial status, at least one end, unique names and keys. */
export function templateRuleIssues(
  statuses: readonly CaseStatusDefinition[] | undefined,
  fieldSchemas: readonly FieldSchema[] | undefined,
  pointer = '/data/attributes',
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (statuses) {
    const initial = statuses.filter((status) => status.type === 'initial').length;
    if (initial !== 1)
      issues.push({ pointer: `${pointer}/statuses`, message: `must have exactly one initial status (has ${initial})` });
    if (!statuses.some((status) => status.type === 'end')) {
      issues.push({ pointer: `${pointer}/statuses`, message: 'must have at least one end status' });
    }
    statuses.forEach((status, index) => {
      const name = status.name.toLowerCase();
      if (statuses.findIndex((other) => other.name.toLowerCase() === name) !== index) {
        issues.push({
          pointer: `${pointer}/statuses/${index}/name`,
          message: `duplicate status "${status.name}" (names are unique ignoring case)`,
        });
      }
    });
  }
  fieldSchemas?.forEach((field, index) => {
    if (fieldSchemas.findIndex((other) => other.key === field.key) !== index) {
      issues.push({ pointer: `${pointer}/field-schemas/${index}/key`, message: `duplicate field key "${field.key}"` });
    }
  });
  return issues;
}
