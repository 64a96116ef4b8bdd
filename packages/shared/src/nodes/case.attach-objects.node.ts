import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { evaluatedStrings, valueSchema } from './node-params.ts';
import { summaryList } from './node-summary-text.ts';

export const caseAttachObjectsNode = defineCaseAction({
  kind: 'case.attach-objects',
  version: 1,
  title: 'Attach objects',
  description: 'Attaches inquiries, reports, … to a case',
  idBase: 'attach',
  params: { 'object-ids': z.array(valueSchema).min(1).max(1000) },
  defaults: { 'object-ids': [] },
  evaluatedParamsSchema: z.object({ 'object-ids': evaluatedStrings('object ids must be strings') }),
  summary: (params) => {
    const count = summaryList(params['object-ids']).length;
    return `${count} object id${count === 1 ? '' : 's'}`;
  },
});
