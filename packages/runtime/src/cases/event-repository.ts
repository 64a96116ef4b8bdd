import type { Db, Filter } from 'mongodb';
import { caseCollections, type EventDocument } from './case-collections.ts';
import { paginate, type PageQuery } from '../platform/pagination.ts';

const isDuplicateKeyOnly = (error: unknown) => {
  const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return (error as { code?: number }).code === 11000 || (list.length > 0 && list.every((e) => e.code === 11000));
};

export function createEventRepository(db: Db) {
  const { events } = caseCollections(db);
  return {
    /** Inserts events by id; ones already there (a retried publish) are skipped, so each is stored once. */
    async insertOnce(docs: EventDocument[]): Promise<void> {
      if (docs.length === 0) return;
      try {
        await events.insertMany(docs, { ordered: false });
      } catch (error) {
        if (!isDuplicateKeyOnly(error)) throw error;
      }
    },
    /** The first event of a case named one of `names`, recorded at or after `since`; null when none. */
    firstSince: (caseId: string, names: readonly string[], since: Date) =>
      events
        .find({ caseId, name: { $in: [...names] as EventDocument['name'][] }, createdAt: { $gte: since } })
        .sort({ _id: 1 })
        .limit(1)
        .next(),
    /** Events with an id after `id`, oldest first, at most `limit`: what a stream has not seen yet. */
    after: (id: string, limit: number) =>
      events
        .find({ _id: { $gt: id } })
        .sort({ _id: 1 })
        .limit(limit)
        .toArray(),
    list: (filter: Filter<EventDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(events, filter, page, url),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
