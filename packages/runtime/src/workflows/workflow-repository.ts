import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseEventName } from '@casework/shared';
import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import {
  fromStoredWorkflow,
  toStoredWorkflow,
  workflowCollections,
  type StoredWorkflowDocument,
  type WorkflowDocument,
  type WorkflowVersionDocument,
} from './workflow-collections.ts';
import { createWorkflowVersionRepository } from './workflow-version-repository.ts';

const DEFAULT_ATTEMPTS = 8;

/** The previous version of a staged rollout, and the share of new runs the live version gets. */
export interface LiveRollout {
  previous: WorkflowVersionDocument;
  percent: number;
}

export type WorkflowChange = (workflow: WorkflowDocument) => Partial<Omit<WorkflowDocument, '_id' | 'seq'>> | null;
export type ChangeOutcome =
  { status: 'changed' | 'unchanged'; workflow: WorkflowDocument } | { status: 'missing' } | { status: 'contended' };

/** Workflows, one document each; every write is one update guarded by the `seq` it read. */
export function createWorkflowRepository(db: Db) {
  const { workflows } = workflowCollections(db);
  const versions = createWorkflowVersionRepository(db);

  async function findById(id: string): Promise<WorkflowDocument | null> {
    const stored = await workflows.findOne({ _id: id });
    return stored ? fromStoredWorkflow(stored) : null;
  }

  return {
    findById,

    async create(workflow: WorkflowDocument): Promise<void> {
      await workflows.insertOne(toStoredWorkflow(workflow));
    },

    /**
     * Applies `change` to the latest workflow and commits the result as the next revision; on a race re-reads and
     * recomputes (so `change` must be a pure function of the workflow it gets, and may throw to refuse).
     */
    async change(id: string, change: WorkflowChange, attempts = DEFAULT_ATTEMPTS): Promise<ChangeOutcome> {
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const current = await findById(id);
        if (!current) return { status: 'missing' };
        const set = change(current);
        if (!set) return { status: 'unchanged', workflow: current };
        const next: WorkflowDocument = { ...current, ...set, seq: current.seq + 1 };
        const { _id, ...stored } = toStoredWorkflow(next);
        const written = await workflows.updateOne({ _id, seq: current.seq }, { $set: stored });
        if (written.matchedCount === 1) return { status: 'changed', workflow: next };
        // Spread the losers of a race out a little, so they do not all collide again.
        await sleep(Math.random() * attempt * 4);
      }
      return { status: 'contended' };
    },

    /** A page of workflows (newest first). */
    async list(filter: Filter<StoredWorkflowDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) {
      const stored = await paginate(workflows, filter, page, url);
      return { items: stored.items.map(fromStoredWorkflow), links: stored.links };
    },

    /**
     * The live versions of the active workflows that start on any of `eventNames`, with that event: one query (no
     * drafts read), then a version lookup by `_id` per match. A write's events are looked up together.
     */
    async findLiveByTriggerEvents(
      eventNames: readonly string[],
    ): Promise<Array<{ eventName: CaseEventName; version: WorkflowVersionDocument; rollout: LiveRollout | null }>> {
      const candidates = await workflows
        .find(
          { liveTriggerEvent: { $in: eventNames as CaseEventName[] }, status: 'active' },
          { projection: { liveVersionId: 1, liveTriggerEvent: 1, rollout: 1 } },
        )
        .sort({ _id: 1 })
        .toArray();
      const live: Array<{ eventName: CaseEventName; version: WorkflowVersionDocument; rollout: LiveRollout | null }> =
        [];
      for (const { liveVersionId, liveTriggerEvent, rollout } of candidates) {
        const version = liveVersionId && liveTriggerEvent ? await versions.findById(liveVersionId) : null;
        if (!version || !liveTriggerEvent) continue;
        // During a rollout, the previous version gets its share only if it starts on the same event.
        const previous = rollout ? await versions.findById(rollout.previousVersionId) : null;
        const sameStart = previous !== null && previous.triggerEvent === liveTriggerEvent;
        live.push({
          eventName: liveTriggerEvent,
          version,
          rollout: rollout && previous && sameStart ? { previous, percent: rollout.percent } : null,
        });
      }
      return live;
    },
  };
}

export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
