import type { Db, Filter } from 'mongodb';
import { caseCollections, type CaseQueueDocument } from './case-collections.ts';
import { paginate, type PageQuery } from '../platform/pagination.ts';

const MAX_ACTIVE_QUEUES = 1_000;

export function createCaseQueueRepository(db: Db) {
  const { caseQueues } = caseCollections(db);
  return {
    insert: async (queue: CaseQueueDocument) => {
      await caseQueues.insertOne(queue);
    },
    findById: (id: string) => caseQueues.findOne({ _id: id }),
    /** Every active queue, oldest first (a deployment has tens of queues, not thousands). */
    listActive: () => caseQueues.find({ status: 'active' }).sort({ _id: 1 }).limit(MAX_ACTIVE_QUEUES).toArray(),
    list: (filter: Filter<CaseQueueDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(caseQueues, filter, page, url),
    update: (id: string, set: Partial<CaseQueueDocument>) =>
      caseQueues.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }),
    /** Archives an active queue; null when it is missing or already archived (then nothing changes). */
    archive: (id: string, at: Date) =>
      caseQueues.findOneAndUpdate(
        { _id: id, status: 'active' },
        { $set: { status: 'archived', updatedAt: at } },
        { returnDocument: 'after' },
      ),
  };
}

export type CaseQueueRepository = ReturnType<typeof createCaseQueueRepository>;
