import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { caseStepOutputSchema } from './node-outputs.ts';
import { actionOptions, valueSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';

/**
 * Reads a case by id (an expression, e.g. `{{ trigger.caseId }}`) so later steps can read `steps.<id>.case` and act
 * on it (`case: { node }`). Changes nothing; an unknown id is a step error.
 */
export const caseFetchNode = defineNode({
  kind: 'case.fetch',
  version: 1,
  role: 'action',
  paramsSchema: z.strictObject({ 'case-id': valueSchema, ...actionOptions }),
  handles: () => ['next'],
  outputSchema: caseStepOutputSchema,
  outputHasCase: true,
  evaluatedParamsSchema: z.object({
    'case-id': z.string({ error: 'case-id must be a case id (a string)' }).min(1, 'case-id is empty'),
  }),
  title: 'Fetch case',
  description: 'Reads a case by its id, for later steps',
  idBase: 'fetch-case',
  defaults: () => ({ 'case-id': '{{ trigger.caseId }}' }),
  summary: (params) => [`case ${summaryText(params['case-id']) ?? '?'}`],
});
