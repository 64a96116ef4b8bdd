import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { evaluatedStrings, valueSchema } from './node-params.ts';
import { summarizeStrings } from './node-summary-text.ts';

export const caseAddTagsNode = defineCaseAction({
  kind: 'case.add-tags',
  version: 1,
  title: 'Add tags',
  description: 'Tags a case',
  idBase: 'add-tags',
  params: { tags: z.array(valueSchema).min(1).max(100) },
  defaults: { tags: [] },
  evaluatedParamsSchema: z.object({ tags: evaluatedStrings('tags must be strings') }),
  summary: (params) => summarizeStrings(params.tags) ?? 'no tags',
});
