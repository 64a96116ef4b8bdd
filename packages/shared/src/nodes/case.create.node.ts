import { z } from 'zod';
import { fieldKeySchema } from '../cases/field-schema.ts';
import { defineNode } from './node-definition.ts';
import { actionOptions, slaSchema, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseCreateNode = defineNode({
  kind: 'case.create',
  version: 1,
  role: 'action',
  paramsSchema: z.strictObject({
    'case-template-id': z.string().min(1),
    'case-queue-id': z.string().min(1).optional(),
    fields: z.record(fieldKeySchema, valueSchema).default({}),
    'object-ids': z.array(valueSchema).max(1000).default([]),
    sla: slaSchema.optional(),
    'creator-email-address': valueSchema.optional(),
    ...actionOptions,
  }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
