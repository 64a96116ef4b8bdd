import { z } from 'zod';
import { isoDateTime, pageLinksSchema, pageQuery, resourceSchema } from './jsonapi.ts';

export const caseQueueAttributesSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'archived']),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});

export const caseQueueResourceSchema = resourceSchema('case-queue', caseQueueAttributesSchema).meta({
  id: 'CaseQueue',
});
export const caseQueueDocumentSchema = z.object({ data: caseQueueResourceSchema });
export const caseQueueListSchema = z.object({ data: z.array(caseQueueResourceSchema), links: pageLinksSchema });

export const createCaseQueueRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        name: z.string().min(1).max(200).meta({ example: 'Escalations' }),
        description: z.string().max(2000).nullable().default(null),
      }),
    }),
  })
  .meta({ id: 'CreateCaseQueueRequest' });

export const caseQueueListQuerySchema = z.strictObject({
  ...pageQuery,
  'filter[status]': z.enum(['active', 'archived']).optional(),
});

export type CaseQueueResource = z.infer<typeof caseQueueResourceSchema>;
