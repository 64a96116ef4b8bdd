import { z } from 'zod';
import { defineCaseAction } from './case-action.ts';
import { evaluatedStrings, valueSchema } from './node-params.ts';
import { summarizeStrings } from './node-summary-text.ts';

/** Removes tags from a case (those it does not have are ignored), as `POST /cases/{id}/remove-tag` does. */
export const caseRemoveTagsNode = defineCaseAction({
  kind: 'case.remove-tags',
  version: 1,
  title: 'Remove tags',
  description: 'Removes tags from a case',
  idBase: 'remove-tags',
  params: { tags: z.array(valueSchema).min(1).max(100) },
  defaults: { tags: [] },
  evaluatedParamsSchema: z.object({ tags: evaluatedStrings('tags must be strings') }),
  summary: (params) => {
    const tags = summarizeStrings(params.tags);
    return tags ? `− ${tags}` : 'no tags';
  },
});
