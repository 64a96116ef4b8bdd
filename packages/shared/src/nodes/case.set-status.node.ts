import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { caseActionParams } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseSetStatusNode = defineNode({
  kind: 'case.set-status',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ status: z.string().min(1) }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
