import { z } from 'zod';
import { fieldKeySchema } from '../cases/field-schema.ts';
import { pointer } from '../compile/compile-issue.ts';
import { defineNode } from './node-definition.ts';
import { caseStepOutputSchema } from './node-outputs.ts';
import { actionOptions, evaluatedSlaSchema, evaluatedStrings, slaSchema, valueSchema } from './node-params.ts';
import { formatDuration, summaryText, templateName } from './node-summary-text.ts';

export const caseCreateNode = defineNode({
  kind: 'case.create',
  version: 1,
  role: 'action',
  paramsSchema: z.strictObject({
    'case-template-id': z.string().min(1),
    'case-queue-id': z.string().min(1).optional(),
    fields: z.record(fieldKeySchema, valueSchema).default({}),
    'object-ids': z.array(valueSchema).max(1000).default([]),
    sla: slaSchema.optional(),
    'creator-email-address': valueSchema.optional(),
    ...actionOptions,
  }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
  createdCaseTemplate: (params) => params['case-template-id'],
  checkCatalog: (params, check) => {
    const path = '/params/case-template-id';
    const templateId = params['case-template-id'];
    if (!check.template) check.report('unknown-template', `no case template "${templateId}"`, path);
    else if (check.template.status !== 'active')
      check.report('unknown-template', `case template "${check.template.key}" is archived`, path);
    check.queue(params['case-queue-id'], '/params/case-queue-id');
    for (const [key, value] of Object.entries(params.fields)) {
      const fieldPath = pointer('/params/fields', key);
      const field = check.field(key, fieldPath);
      if (field) check.value(field, value, fieldPath);
    }
  },
  evaluatedParamsSchema: z.object({
    'case-template-id': z.string(),
    'case-queue-id': z.string().optional(),
    fields: z.record(z.string(), z.unknown()).default({}),
    'object-ids': evaluatedStrings('object ids must be strings').default([]),
    sla: evaluatedSlaSchema.optional(),
    'creator-email-address': z.email().optional(),
  }),
  title: 'Create case',
  description: 'Creates a case from a template',
  idBase: 'create-case',
  defaults: () => ({ 'case-template-id': '', fields: {}, 'object-ids': [] }),
  summary: (params, catalog) => {
    const template = templateName(summaryText(params['case-template-id']), catalog);
    const sla = formatDuration(params.sla);
    return [template ? `template ${template}` : 'template: not chosen', sla && `SLA ${sla}`];
  },
});
