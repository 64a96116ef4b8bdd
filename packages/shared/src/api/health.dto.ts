import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

const checkSchema = z.object({ ok: z.boolean(), error: z.string().optional() });

/** `GET /readyz`: 200 when every dependency answers, else 503 naming the ones that failed. */
export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({ mongodb: checkSchema, temporal: checkSchema }),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof readinessSchema>;
