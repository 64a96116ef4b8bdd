import { changeTags } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

/**
 * Tag steps change `tags` as the Cases API's add-tag and remove-tag do (packages/runtime/src/cases/
 * case-actions-service.ts): one `case.updated` with the tags before and after, none when nothing changes, so a
 * retried step or a tag the case lacks records nothing.
 */
export const caseTagsExecutors: CaseChangeExecutors<'case.add-tags' | 'case.remove-tags'> = {
  'case.add-tags': {
    change:
      ({ tags }) =>
      (kase) =>
        changeTags(kase, [...kase.tags, ...tags]),
  },
  'case.remove-tags': {
    change: ({ tags }) => {
      const removed = new Set(tags.map((tag) => tag.trim()));
      return (kase) =>
        changeTags(
          kase,
          kase.tags.filter((existing) => !removed.has(existing)),
        );
    },
  },
};
