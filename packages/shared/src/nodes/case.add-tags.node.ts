import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { caseActionParams, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseAddTagsNode = defineNode({
  kind: 'case.add-tags',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ tags: z.array(valueSchema).min(1).max(100) }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
