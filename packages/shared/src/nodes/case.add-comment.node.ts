import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { valueSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';

export const caseAddCommentNode = defineCaseAction({
  kind: 'case.add-comment',
  version: 1,
  title: 'Add comment',
  description: 'Comments on a case',
  idBase: 'comment',
  params: { body: valueSchema },
  defaults: { body: '' },
  evaluatedParamsSchema: z.object({ body: z.string().trim().min(1).max(10_000) }),
  summary: (params) => (summaryText(params.body) ? `“${summaryText(params.body)}”` : 'comment: empty'),
});
