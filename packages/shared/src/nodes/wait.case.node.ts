import { z } from 'zod';
import { caseEventNames } from '../cases/case-events.ts';
import { defineNode } from './node-definition.ts';
import { caseRefSchema, durationSchema, THIRTY_DAYS } from './node-params.ts';
import { caseOutputSchema, eventOutputSchema } from './node-outputs.ts';

/** Waits until the case records one of `events`, or `timeout` passes (an error when `error-on-timeout`). */
export const waitCaseNode = defineNode({
  kind: 'wait.case',
  version: 1,
  role: 'wait',
  paramsSchema: z.strictObject({
    case: caseRefSchema,
    events: z
      .array(z.enum(caseEventNames))
      .min(1)
      .refine((events) => new Set(events).size === events.length, 'events must be unique'),
    timeout: durationSchema(['seconds', 'minutes', 'hours', 'days'], THIRTY_DAYS),
    'error-on-timeout': z.boolean().default(false),
  }),
  // With `error-on-timeout` a timeout fails the run, so there is no `timed-out` path to draw.
  handles: (params) => (params['error-on-timeout'] ? ['matched'] : ['matched', 'timed-out']),
  outputSchema: z.object({ event: eventOutputSchema.nullable(), case: caseOutputSchema }),
  outputHasCase: true,
});
