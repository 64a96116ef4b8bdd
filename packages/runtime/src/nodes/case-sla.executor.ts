import { durationSeconds } from '@casework/shared';
import { changeSla } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

/** SLA steps move or clear the deadline; the case's SLA timer follows (docs/architecture.md, "Cases"). */
export const caseSlaExecutors: CaseChangeExecutors<'case.set-sla' | 'case.clear-sla'> = {
  'case.set-sla': {
    change:
      ({ sla }) =>
      (kase, now) =>
        changeSla(kase, new Date(now.getTime() + durationSeconds(sla) * 1000)),
  },
  'case.clear-sla': { change: () => (kase) => changeSla(kase, null) },
};
