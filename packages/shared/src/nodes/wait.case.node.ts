import { z } from 'zod';
import { caseEventNames } from '../cases/case-events.ts';
import { defineNode } from './node-definition.ts';
import { caseRefSchema, durationSchema, THIRTY_DAYS } from './node-params.ts';
import { caseOutputSchema, eventOutputSchema } from './node-outputs.ts';
import { formatDuration, summarizeStrings } from './node-summary-text.ts';

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
  draftHandles: (params) => (params['error-on-timeout'] === true ? ['matched'] : ['matched', 'timed-out']),
  handleLabel: (_params, handle) => (handle === 'timed-out' ? 'timed out' : undefined),
  title: 'Wait for case',
  description: 'Waits until a case records an event, or times out',
  idBase: 'wait-for-case',
  defaults: (context) => ({
    case: { node: context.caseNode ?? '' },
    events: ['case.resolved'],
    timeout: { amount: 1, unit: 'days' },
  }),
  summary: (params) => {
    const timeout = formatDuration(params.timeout);
    return [
      summarizeStrings(params.events, 2) ?? 'events: none',
      timeout && `timeout ${timeout}${params['error-on-timeout'] === true ? ' (fails)' : ''}`,
    ];
  },
});
