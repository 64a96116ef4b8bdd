import { z } from 'zod';
import { multiLine, singleLine } from './text.ts';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema } from './jsonapi.ts';

export const caseQueueAttributesSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['active', 'archived']),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});

export const caseQueueResourceSchema = resourceSchema('case-queue', caseQueueAttributesSchema).meta({
  id: 'CaseQueue',
  example: {
    type: 'case-queue',
    id: 'cqueue_P7JECHSPLXBBpetXOGppKe9w',
    attributes: {
      name: 'Escalations',
      description: 'Cases a senior analyst must see',
      status: 'active',
      'created-at': '2026-11-25T19:44:21.930Z',
      'updated-at': '2026-11-25T19:44:21.930Z',
    },
  },
});
export const caseQueueDocumentSchema = z.object({ data: caseQueueResourceSchema });
export const caseQueueListSchema = z.object({ data: z.array(caseQueueResourceSchema), links: pageLinksSchema });

export const createCaseQueueRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        name: singleLine(200).meta({ example: 'Escalations' }),
        description: multiLine(2000).nullable().default(null),
      }),
    }),
  })
  .meta({
    id: 'CreateCaseQueueRequest',
    example: { data: { attributes: { name: 'Escalations', description: 'Cases a senior analyst must see' } } },
  });

export const caseQueueListQuerySchema = z.strictObject({
  ...pageQueryOf('caseQueue'),
  'filter[status]': z.enum(['active', 'archived']).optional(),
});

export type CaseQueueResource = z.infer<typeof caseQueueResourceSchema>;
