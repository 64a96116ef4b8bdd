import type { Db } from 'mongodb';
import { collections, type SystemCheckDocument } from '../db/platform-collections.ts';

export function createSystemCheckRepository(db: Db) {
  const { systemChecks } = collections(db);
  return {
    insert: async (check: SystemCheckDocument) => {
      await systemChecks.insertOne(check);
    },
    findById: (id: string) => systemChecks.findOne({ _id: id }),
    setTemporalRunId: async (id: string, temporalRunId: string) => {
      await systemChecks.updateOne({ _id: id }, { $set: { temporalRunId } });
    },
    /**
     * Counts every execution of the completing activity and completes the check, keeping the first
     * completion time (`$min` on an absent field sets it), in one atomic single-document update.
     */
    recordCompletion: (id: string, at: Date) =>
      systemChecks.findOneAndUpdate(
        { _id: id },
        { $inc: { activityExecutions: 1 }, $set: { status: 'completed' }, $min: { completedAt: at } },
        { returnDocument: 'after' },
      ),
  };
}

export type SystemCheckRepository = ReturnType<typeof createSystemCheckRepository>;
