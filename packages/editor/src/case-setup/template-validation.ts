import { createCaseTemplateRequestSchema, templateRuleIssues, type CreateCaseTemplateRequest } from '@casework/shared';
import { collectErrors, pointerOf, valueAt, type FormErrors } from './form-errors.ts';
import type { TemplateRequestBody } from './template-form-state.ts';

const attributes = '/data/attributes';

/** Pointers of the template form's controls (and row-level slots), shared by the form and its validation. */
export const templateSlots = {
  name: `${attributes}/name`,
  key: `${attributes}/key`,
  statuses: `${attributes}/statuses`,
  status: (index: number, part?: 'name' | 'type') => `${attributes}/statuses/${index}${part ? `/${part}` : ''}`,
  fields: `${attributes}/field-schemas`,
  field: (index: number, part?: 'key' | 'type' | 'label' | 'choices') =>
    `${attributes}/field-schemas/${index}${part === undefined ? '' : part === 'choices' ? '/config/choices' : `/${part}`}`,
  sla: `${attributes}/default-sla-seconds`,
  breachQueue: `${attributes}/sla-breach-queue-id`,
} as const;

const slotPatterns = [
  /^\/data\/attributes\/(name|key|statuses|field-schemas|default-sla-seconds|sla-breach-queue-id)$/,
  /^\/data\/attributes\/statuses\/\d+(\/(name|type))?$/,
  /^\/data\/attributes\/field-schemas\/\d+(\/(key|type|label)|\/config\/choices)?$/,
];

/**
 * The control that shows a problem at `pointer`: the pointer itself when a control owns it, else its nearest
 * owned ancestor (`…/choices/2` → the choices input, `…/config` too, an unknown key in a row → the row);
 * null when only the form as a whole is left (`/data/attributes` with an unknown key, `/`).
 */
export function templateSlot(pointer: string): string | null {
  let candidate = /\/field-schemas\/\d+\/config$/.test(pointer) ? `${pointer}/choices` : pointer;
  while (candidate.startsWith(`${attributes}/`)) {
    if (slotPatterns.some((pattern) => pattern.test(candidate))) return candidate;
    candidate = candidate.slice(0, candidate.lastIndexOf('/'));
  }
  return null;
}

/** What the schema's checks need of a zod issue (the shared DTOs' issues have this shape). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  minimum?: number | bigint;
}

const slaProblem = 'must be a positive number of hours or days, at most 90 days';

/** The schema's message, or a plainer one where zod's default reads like a type error. */
export function issueText(issue: SchemaIssue): string {
  if (pointerOf(issue.path) === templateSlots.sla) return slaProblem;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'is required';
  if (issue.code === 'too_small' && issue.origin === 'array') {
    const last = issue.path.at(-1);
    if (last === 'choices') return 'needs at least one choice (comma-separated)';
    if (last === 'statuses') return `needs at least ${String(issue.minimum)} statuses`;
  }
  return issue.message;
}

export type TemplateValidation = { ok: true; request: CreateCaseTemplateRequest } | { ok: false; errors: FormErrors };

/**
 * Checks a body as the API will: the shared request schema (shapes, key and name rules, SLA range) and the
 * template rules (one initial status, an end status, unique names and keys), every problem at once.
 */
export function validateTemplateRequest(body: TemplateRequestBody): TemplateValidation {
  const parsed = createCaseTemplateRequestSchema.safeParse(body);
  const { statuses, 'field-schemas': fields } = body.data.attributes;
  // The rules read only status names and types and field keys, which the body has whatever else is wrong with it.
  const rules = templateRuleIssues(statuses, fields as Parameters<typeof templateRuleIssues>[1]);
  if (parsed.success && rules.length === 0) return { ok: true, request: parsed.data };
  // An empty name or key is simply missing: its pattern and "duplicate \"\"" would only add noise.
  const isEmpty = (pointer: string) => valueAt(body, pointer) === '';
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const pointer = pointerOf(issue.path);
        return [pointer, isEmpty(pointer) ? 'is required' : issueText(issue)] as const;
      });
  const ruleProblems = rules
    .filter((rule) => !isEmpty(rule.pointer))
    .map((rule) => [rule.pointer, rule.message] as const);
  return { ok: false, errors: collectErrors([...schemaProblems, ...ruleProblems], templateSlot) };
}
