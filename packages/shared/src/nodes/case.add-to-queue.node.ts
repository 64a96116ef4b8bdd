import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { caseActionParams } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseAddToQueueNode = defineNode({
  kind: 'case.add-to-queue',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ 'case-queue-id': z.string().min(1) }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
