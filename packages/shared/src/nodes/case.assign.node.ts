import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { valueSchema } from './node-params.ts';
import { summaryText } from './node-summary-text.ts';

export const caseAssignNode = defineCaseAction({
  kind: 'case.assign',
  version: 1,
  title: 'Assign',
  description: 'Assigns a case to a reviewer',
  idBase: 'assign',
  params: { 'user-email-address': valueSchema },
  defaults: { 'user-email-address': '' },
  evaluatedParamsSchema: z.object({ 'user-email-address': z.email() }),
  summary: (params) => {
    const email = summaryText(params['user-email-address']);
    return email ? `to ${email}` : 'assignee: not set';
  },
});
