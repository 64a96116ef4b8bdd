import { z } from 'zod';
import { singleLine } from './text.ts';
import { caseStatusDefinitionSchema } from '../cases/case-status.ts';
import { fieldSchemaSchema } from '../cases/field-schema.ts';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema } from './jsonapi.ts';

export const MAX_SLA_SECONDS = 90 * 24 * 3600;

const slaSeconds = z.number().int().min(1).max(MAX_SLA_SECONDS);

const exampleStatuses = [
  { name: 'open', type: 'initial' },
  { name: 'in-review', type: 'intermediate' },
  { name: 'approved', type: 'end' },
  { name: 'declined', type: 'end' },
];
const exampleFieldSchemas = [
  { key: 'amount', type: 'number', label: 'Amount', required: true },
  { key: 'country', type: 'choice', label: 'Country', required: false, config: { choices: ['DE', 'FR', 'US'] } },
];

const editable = {
  name: singleLine(200).meta({ example: 'KYC review' }),
  statuses: z.array(caseStatusDefinitionSchema).min(2).max(50).meta({ example: exampleStatuses }),
  'field-schemas': z.array(fieldSchemaSchema).max(200).meta({ example: exampleFieldSchemas }),
  'default-sla-seconds': slaSeconds.nullable().meta({ description: 'SLA of new cases, unless a case sets its own.' }),
  'sla-breach-queue-id': z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .meta({ description: 'An active case queue: where a case moves when its SLA expires.' }),
};

export const caseTemplateAttributesSchema = z.object({
  ...editable,
  key: z.string(),
  status: z.enum(['active', 'archived']),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});

export const caseTemplateResourceSchema = resourceSchema('case-template', caseTemplateAttributesSchema).meta({
  id: 'CaseTemplate',
  example: {
    type: 'case-template',
    id: 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8O3L',
    attributes: {
      name: 'KYC review',
      statuses: exampleStatuses,
      'field-schemas': exampleFieldSchemas,
      'default-sla-seconds': 86_400,
      'sla-breach-queue-id': 'cqueue_P7JECP_dxf-SQSlnz6fwAD5z',
      key: 'KYC',
      status: 'active',
      'created-at': '2026-11-25T19:44:21.806Z',
      'updated-at': '2026-11-25T19:44:22.024Z',
    },
  },
});
export const caseTemplateDocumentSchema = z.object({ data: caseTemplateResourceSchema });
export const caseTemplateListSchema = z.object({ data: z.array(caseTemplateResourceSchema), links: pageLinksSchema });

export const createCaseTemplateRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        ...editable,
        'field-schemas': editable['field-schemas'].default([]),
        'default-sla-seconds': slaSeconds.nullable().default(null),
        'sla-breach-queue-id': editable['sla-breach-queue-id'].default(null),
        key: z
          .string()
          .regex(/^[A-Z][A-Z0-9]{0,15}$/, 'must be 1–16 upper-case letters or digits, starting with a letter')
          .meta({ example: 'KYC' }),
      }),
    }),
  })
  .meta({
    id: 'CreateCaseTemplateRequest',
    example: {
      data: {
        attributes: {
          name: 'KYC review',
          key: 'KYC',
          statuses: exampleStatuses,
          'field-schemas': exampleFieldSchemas,
          'default-sla-seconds': 86_400,
        },
      },
    },
  });

export const updateCaseTemplateRequestSchema = z
  .strictObject({ data: z.strictObject({ attributes: z.strictObject(editable).partial() }) })
  .meta({
    id: 'UpdateCaseTemplateRequest',
    example: {
      data: { attributes: { 'default-sla-seconds': 3600, 'sla-breach-queue-id': 'cqueue_P7JECP_dxf-SQSlnz6fwAD5z' } },
    },
  });

export const caseTemplateListQuerySchema = z.strictObject({
  ...pageQueryOf('caseTemplate'),
  'filter[status]': z.enum(['active', 'archived']).optional(),
});

export type CaseTemplateResource = z.infer<typeof caseTemplateResourceSchema>;
export type CreateCaseTemplateRequest = z.infer<typeof createCaseTemplateRequestSchema>;
export type UpdateCaseTemplateRequest = z.infer<typeof updateCaseTemplateRequestSchema>;
