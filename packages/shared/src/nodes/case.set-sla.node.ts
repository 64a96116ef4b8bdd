import { defineNode } from './node-definition.ts';
import { caseActionParams, slaSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseSetSlaNode = defineNode({
  kind: 'case.set-sla',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ sla: slaSchema }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
