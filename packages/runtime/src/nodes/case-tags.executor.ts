import { changeTags } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

/** Tag steps change `tags` as the Cases API's add-tag and remove-tag do (one `case.updated`; none when unchanged). */
export const caseTagsExecutors: CaseChangeExecutors<'case.add-tags'> = {
  'case.add-tags': {
    change:
      ({ tags }) =>
      (kase) =>
        changeTags(kase, [...kase.tags, ...tags]),
  },
};
