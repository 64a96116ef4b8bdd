import { isFinalRunStatus } from '@casework/shared';
import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import { isDuplicateKeyError } from '../platform/db/duplicate-key.ts';
import { runCollections, type WorkflowRunDocument } from './workflow-run-collections.ts';

export type RunSnapshot = Pick<
  WorkflowRunDocument,
  'status' | 'steps' | 'caseIds' | 'error' | 'temporalRunId' | 'seq' | 'updatedAt' | 'completedAt'
>;

export function createWorkflowRunRepository(db: Db) {
  const { workflowRuns } = runCollections(db);
  return {
    findById: (id: string) => workflowRuns.findOne({ _id: id }),

    /** Inserts a new run; false when a run with that id exists (a duplicate start). */
    async insert(run: WorkflowRunDocument): Promise<boolean> {
      try {
        await workflowRuns.insertOne(run);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    /**
     * Applies a snapshot from the run's workflow unless a later one is already stored. The run's end lands on a record
     * that has not ended whatever its `seq`: a worker of another release may count `seq` differently
     * (packages/runtime/src/temporal/workflows/run-view-interceptors.ts).
     */
    async applySnapshot(id: string, snapshot: RunSnapshot): Promise<boolean> {
      // The workflow numbers its records one by one, so the stored one is usually the one before: one write guarded
      // by that seq (an equality the guard index serves) then does. Otherwise (a record still on its way or lost, a
      // retry, a run that ended), read the stored seq and write guarded by it: a retried, older snapshot never
      // overwrites a newer one.
      const next = await workflowRuns.updateOne({ _id: id, seq: snapshot.seq - 1 }, { $set: snapshot });
      if (next.matchedCount > 0) return true;
      for (;;) {
        const current = await workflowRuns.findOne({ _id: id }, { projection: { seq: 1, status: 1 } });
        if (!current) return false;
        const ends = isFinalRunStatus(snapshot.status) && !isFinalRunStatus(current.status);
        if (current.seq >= snapshot.seq && !ends) return false;
        const seq = Math.max(snapshot.seq, current.seq + 1);
        const result = await workflowRuns.updateOne({ _id: id, seq: current.seq }, { $set: { ...snapshot, seq } });
        if (result.matchedCount > 0) return true;
      }
    },

    /** Deletes a run still at `seq` (never started, so never written by its workflow). */
    remove: (id: string, seq: number) => workflowRuns.deleteOne({ _id: id, seq }),

    list: (filter: Filter<WorkflowRunDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(workflowRuns, filter, page, url),
  };
}

export type WorkflowRunRepository = ReturnType<typeof createWorkflowRunRepository>;
