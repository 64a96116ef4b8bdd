import { changeQueue } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

export const caseAddToQueueExecutors: CaseChangeExecutors<'case.add-to-queue'> = {
  'case.add-to-queue': {
    change: async (params, { domain }) => {
      const queueId = params['case-queue-id'];
      await domain.caseQueues.getActiveQueue(queueId, '/case-queue-id');
      return (kase) => changeQueue(kase, queueId);
    },
  },
};
