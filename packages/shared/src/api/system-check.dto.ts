import { z } from 'zod';

/**
 * A system check proves the whole pipeline is real: the api starts a Temporal workflow, which
 * (after an optional durable timer) runs an activity that writes to MongoDB, read back here.
 */
export const systemCheckStatusSchema = z.enum(['pending', 'completed']);

export const systemCheckAttributesSchema = z.object({
  status: systemCheckStatusSchema,
  'delay-seconds': z.number().int(),
  'created-at': z.iso.datetime(),
  'completed-at': z.iso.datetime().nullable(),
  'activity-executions': z.number().int().meta({ description: 'How many times the completing activity ran.' }),
  'workflow-id': z.string(),
  'temporal-ui-url': z.url(),
});

export const systemCheckResourceSchema = z
  .object({
    type: z.literal('system-check'),
    id: z.string().meta({ example: 'chk_Q2FzZXdvcmsgaXMgZ3JlYXQh' }),
    attributes: systemCheckAttributesSchema,
  })
  .meta({ id: 'SystemCheck' });

export const systemCheckDocumentSchema = z.object({ data: systemCheckResourceSchema });

export const createSystemCheckRequestSchema = z
  .strictObject({
    meta: z
      .strictObject({
        'delay-seconds': z
          .number()
          .int()
          .min(0)
          .max(3600)
          .default(0)
          .meta({ description: 'A durable timer the workflow waits on before its activity runs.' }),
      })
      .default({ 'delay-seconds': 0 }),
  })
  .default({ meta: { 'delay-seconds': 0 } })
  .meta({ id: 'CreateSystemCheckRequest', example: { meta: { 'delay-seconds': 5 } } });

export type SystemCheckResource = z.infer<typeof systemCheckResourceSchema>;
export type CreateSystemCheckRequest = z.infer<typeof createSystemCheckRequestSchema>;
