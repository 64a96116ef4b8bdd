import { changeObjects, checkObjectIds } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

export const caseAttachObjectsExecutors: CaseChangeExecutors<'case.attach-objects'> = {
  'case.attach-objects': {
    change: (params) => {
      const ids = checkObjectIds(params['object-ids'], '/object-ids');
      return (kase) => changeObjects(kase, ids, 'add');
    },
  },
};
