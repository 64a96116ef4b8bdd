import { defineNode } from './node-definition.ts';
import { caseActionParams, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseAssignNode = defineNode({
  kind: 'case.assign',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ 'user-email-address': valueSchema }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
