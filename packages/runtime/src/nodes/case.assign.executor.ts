import { changeAssignee } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

export const caseAssignExecutors: CaseChangeExecutors<'case.assign'> = {
  'case.assign': {
    change:
      (params, { actor }) =>
      (kase, now) =>
        changeAssignee(kase, params['user-email-address'], actor, now),
  },
};
