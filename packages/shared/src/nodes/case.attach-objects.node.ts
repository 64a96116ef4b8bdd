import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { caseActionParams, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseAttachObjectsNode = defineNode({
  kind: 'case.attach-objects',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ 'object-ids': z.array(valueSchema).min(1).max(1000) }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
