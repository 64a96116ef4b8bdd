import { defineNode } from './node-definition.ts';
import { caseActionParams } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseClearSlaNode = defineNode({
  kind: 'case.clear-sla',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({}),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
