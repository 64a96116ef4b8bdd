import { changeStatus } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

export const caseSetStatusExecutors: CaseChangeExecutors<'case.set-status'> = {
  'case.set-status': {
    change:
      ({ status }, { actor }) =>
      (kase, now) =>
        changeStatus(kase, status, actor, now),
  },
};
