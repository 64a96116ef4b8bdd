import { defineNode } from './node-definition.ts';
import { caseActionParams, valueSchema } from './node-params.ts';
import { caseStepOutputSchema } from './node-outputs.ts';

export const caseAddCommentNode = defineNode({
  kind: 'case.add-comment',
  version: 1,
  role: 'action',
  paramsSchema: caseActionParams({ body: valueSchema }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
});
