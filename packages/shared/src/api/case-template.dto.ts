import { z } from 'zod';
import { caseStatusDefinitionSchema } from '../cases/case-status.ts';
import { fieldSchemaSchema } from '../cases/field-schema.ts';
import { isoDateTime, pageLinksSchema, pageQuery, resourceSchema } from './jsonapi.ts';

export const MAX_SLA_SECONDS = 90 * 24 * 3600;

const slaSeconds = z.number().int().min(1).max(MAX_SLA_SECONDS);

const editable = {
  name: z.string().min(1).max(200).meta({ example: 'KYC review' }),
  statuses: z
    .array(caseStatusDefinitionSchema)
    .min(2)
    .max(50)
    .meta({
      example: [
        { name: 'open', type: 'initial' },
        { name: 'in-review', type: 'intermediate' },
        { name: 'approved', type: 'end' },
        { name: 'declined', type: 'end' },
      ],
    }),
  'field-schemas': z
    .array(fieldSchemaSchema)
    .max(200)
    .meta({ example: [{ key: 'amount', type: 'number', label: 'Amount', required: true }] }),
  'default-sla-seconds': slaSeconds.nullable(),
  'sla-breach-queue-id': z.string().min(1).max(100).nullable(),
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
  .meta({ id: 'CreateCaseTemplateRequest' });

export const updateCaseTemplateRequestSchema = z
  .strictObject({ data: z.strictObject({ attributes: z.strictObject(editable).partial() }) })
  .meta({ id: 'UpdateCaseTemplateRequest' });

export const caseTemplateListQuerySchema = z.strictObject({
  ...pageQuery,
  'filter[status]': z.enum(['active', 'archived']).optional(),
});

export type CaseTemplateResource = z.infer<typeof caseTemplateResourceSchema>;
export type CreateCaseTemplateRequest = z.infer<typeof createCaseTemplateRequestSchema>;
export type UpdateCaseTemplateRequest = z.infer<typeof updateCaseTemplateRequestSchema>;
