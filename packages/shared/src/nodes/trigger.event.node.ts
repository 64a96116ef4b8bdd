import { z } from 'zod';
import { caseEventNames } from '../cases/case-events.ts';
import { defineNode } from './node-definition.ts';
import { expressionSchema } from './node-params.ts';
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
});
