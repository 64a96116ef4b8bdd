import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import {
  caseCollections,
  newStoredCase,
  type CaseDocument,
  type CaseEventDocument,
  type CaseWait,
  type StoredCaseDocument,
} from './case-collections.ts';
import { isDuplicateKeyError } from '../platform/db/duplicate-key.ts';

/** What a write sets on a case (never `waits`, which only wait registrations touch). */
export type CaseSet = Partial<Omit<StoredCaseDocument, '_id' | 'waits' | 'outbox'>>;

/** A case whose every change up to its version is published and in line with its SLA timer. */
const finished = { outbox: [], dirty: false, slaSync: null };

/**
 * Cases, one document each. Every change is a single-document atomic operation, so the same code is exact on
 * MongoDB and on the embedded store: writes are guarded by the version they read, publishing clears the outbox
 * only at the version it published, wait registrations add to and pull from their own array.
 */
export function createCaseRepository(db: Db) {
  const { cases } = caseCollections(db);
  return {
    findById: (id: string) => cases.findOne({ _id: id }),

    findByDedupeKey: (dedupeKey: string) => cases.findOne({ dedupeKey }),

    /** Inserts a new case; false when one with that id or dedupe key exists. */
    async insert(doc: StoredCaseDocument): Promise<boolean> {
      try {
        await cases.insertOne(doc);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    /**
     * Applies `set` and appends `events` to the outbox if the case is still at `version`; null if it moved on.
     * `replaceOutbox`: everything up to `version` is published (cases/event-publisher.ts, `settled`), so the outbox
     * becomes `events` alone; `set` must then say whether the case is `dirty` and its `slaSync`.
     */
    update: (id: string, version: number, set: CaseSet, events: CaseEventDocument[], { replaceOutbox = false } = {}) =>
      cases.findOneAndUpdate(
        { _id: id, version },
        replaceOutbox
          ? { $set: { ...set, outbox: events } }
          : events.length > 0
            ? { $set: set, $push: { outbox: { $each: events } } }
            : { $set: set },
        { returnDocument: 'after' },
      ),

    /**
     * Marks everything up to `version` published and in line; a later write keeps its own work pending. False if
     * the case is no longer at `version`.
     */
    async markFinished(id: string, version: number): Promise<boolean> {
      const result = await cases.updateOne({ _id: id, version }, { $set: finished });
      return result.matchedCount > 0;
    },

    /**
     * Registers a wait and returns the case as it is then (with its recent events), or null if it does not exist.
     * `finishing`: also marks everything up to that version published and in line, as `markFinished` does, in the
     * same update; null then if the case is no longer at that version (and nothing is written).
     */
    addWait: (id: string, wait: CaseWait, { finishing }: { finishing?: number } = {}) =>
      finishing === undefined
        ? cases.findOneAndUpdate({ _id: id }, { $addToSet: { waits: wait } }, { returnDocument: 'after' })
        : cases.findOneAndUpdate(
            { _id: id, version: finishing },
            { $addToSet: { waits: wait }, $set: finished },
            { returnDocument: 'after' },
          ),

    async removeWait(id: string, wait: { runId: string; nodeId: string }): Promise<void> {
      await cases.updateOne({ _id: id }, { $pull: { waits: { runId: wait.runId, nodeId: wait.nodeId } } });
    },

    /** Cases with events to publish or an SLA timer to bring in line (a crash or an outage interrupted a write). */
    dirty: (limit: number) => cases.find({ dirty: true }).limit(limit).toArray(),

    list: (filter: Filter<StoredCaseDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(cases, filter, page, url),

    /** One page of a search (cases/case-search-service.ts), without the bookkeeping the API never shows. */
    search: (filter: Filter<StoredCaseDocument>, sort: Record<string, 1 | -1>, limit: number) =>
      cases
        .find(filter, { projection: { outbox: 0, recentEvents: 0, waits: 0 } })
        .sort(sort)
        .limit(limit)
        .toArray(),

    /**
     * Unresolved cases per queue (null: in none), and how many of them breached their SLA: one pass over the open
     * cases (on the embedded store a scan of the collection; measured in docs/benchmarks.md, "Search").
     */
    async openCountsByQueue(): Promise<{ queueId: string | null; open: number; breached: number }[]> {
      const groups = await cases
        .aggregate<{ _id: string | null; open: number; breached: number }>([
          { $match: { resolvedAt: null } },
          {
            $group: {
              _id: '$queueId',
              open: { $sum: 1 },
              breached: { $sum: { $cond: [{ $gt: ['$slaExpiredAt', null] }, 1, 0] } },
            },
          },
        ])
        .toArray();
      return groups.map((group) => ({ queueId: group._id ?? null, open: group.open, breached: group.breached }));
    },

    /** Stores cases as they are, with nothing to publish (bulk imports and seeding). */
    async importMany(docs: CaseDocument[]): Promise<void> {
      await cases.insertMany(docs.map((doc) => newStoredCase(doc, [], null)));
    },
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
