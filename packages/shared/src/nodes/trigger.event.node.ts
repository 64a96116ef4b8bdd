import { z } from 'zod';
import { caseEventNames } from '../cases/case-events.ts';
import { defineNode } from './node-definition.ts';
import { expressionSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';
import { caseOutputSchema, eventOutputSchema } from './node-outputs.ts';

/** Starts a run when a case records `event` (and `criteria`, if any, holds); its output carries that case. */
export const triggerEventNode = defineNode({
  kind: 'trigger.event',
  version: 1,
  role: 'trigger',
  paramsSchema: z.strictObject({ event: z.enum(caseEventNames), criteria: expressionSchema.optional() }),
  handles: () => ['next'],
  outputSchema: z.object({ event: eventOutputSchema, case: caseOutputSchema }),
  outputHasCase: true,
  title: 'Event trigger',
  description: 'Starts a run when a case records an event',
  idBase: 'on-event',
  defaults: () => ({ event: 'case.created' }),
  summary: (params) => [
    summaryText(params.event) ?? 'event: not chosen',
    summaryText(params.criteria) && `when ${summaryText(params.criteria)}`,
  ],
});
