import { applyFieldOperations } from '../cases/field-operations.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

export const caseUpdateFieldsExecutors: CaseChangeExecutors<'case.update-fields'> = {
  'case.update-fields': {
    change:
      ({ operations }) =>
      (kase) =>
        applyFieldOperations(kase, operations),
  },
};
