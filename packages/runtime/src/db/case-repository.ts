import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../lib/pagination.ts';
import {
  caseCollections,
  caseSchemaId,
  toStoredCase,
  type CaseSchemaDocument,
  type StoredCaseDocument,
  type CaseDocument,
  type CaseRevisionDocument,
  type CaseEventDocument,
} from './case-collections.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';

const CONVERGE_ROUNDS = 5;
/** A to-do entry whose revision has not appeared after this long belongs to a commit that never happened. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Cases as revisions (see CaseRevisionDocument): a write commits `<case id>:<version>` with one insert, so of
 * two writers that read the same version exactly one wins; then the `cases` copy is brought up to the latest
 * revision. Reads that must be exact (`findById`) take the latest revision; lists query the copy.
 */
export function createCaseRepository(db: Db) {
  const { cases, caseSchemas, caseRevisions, unfinishedRevisions } = caseCollections(db);
  // Schemas never change once written, so every process may keep the ones it has seen.
  const schemaCache = new Map<string, CaseSchemaDocument>();

  async function saveSchema(doc: CaseDocument): Promise<void> {
    const _id = caseSchemaId(doc.templateId, doc.statuses, doc.fieldSchemas);
    if (schemaCache.has(_id)) return;
    const schema = { _id, templateId: doc.templateId, statuses: doc.statuses, fieldSchemas: doc.fieldSchemas };
    try {
      await caseSchemas.insertOne(schema);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    schemaCache.set(_id, schema);
  }

  async function hydrate(stored: StoredCaseDocument): Promise<CaseDocument> {
    const { schemaId, ...rest } = stored;
    let schema = schemaCache.get(schemaId);
    if (!schema) {
      const found = await caseSchemas.findOne({ _id: schemaId });
      if (!found) throw new Error(`case ${stored._id} refers to a missing schema ${schemaId}`);
      schemaCache.set(schemaId, found);
      schema = found;
    }
    return { ...rest, statuses: schema.statuses, fieldSchemas: schema.fieldSchemas };
  }

  const revisionAt = (caseId: string, version: number) => caseRevisions.findOne({ _id: revisionId(caseId, version) });

  /**
   * The case's latest revision, found by `_id` only: from the version the `cases` copy holds (the latest, or just
   * behind it), step forward while a newer revision exists. FerretDB pushes only `_id` equality down to SQLite, so
   * a query on `caseId` would decode every revision of every case; this costs a few indexed reads whatever the size.
   */
  async function latestRevision(caseId: string): Promise<CaseRevisionDocument | null> {
    const copy = await cases.findOne({ _id: caseId }, { projection: { version: 1 } });
    let latest = await revisionAt(caseId, copy?.version ?? 1);
    if (!latest) return null;
    for (;;) {
      const next = await revisionAt(caseId, latest.version + 1);
      if (!next) return latest;
      latest = next;
    }
  }

  /** A case's revisions whose events are not yet published, oldest first, from the to-do list (small). */
  async function unpublishedOf(caseId: string, limit: number): Promise<CaseRevisionDocument[]> {
    const listed = await unfinishedRevisions.find({ caseId }).sort({ _id: 1 }).limit(limit).toArray();
    const found: CaseRevisionDocument[] = [];
    for (const entry of listed) {
      const revision = await caseRevisions.findOne({ _id: entry._id });
      if (revision && !revision.published) found.push(revision);
    }
    return found;
  }

  /**
   * Makes the `cases` copy equal to the latest revision. A whole-document replace, re-checked after writing:
   * a slower writer that put an older revision back sees the newer one on its re-check and writes it again.
   */
  async function converge(caseId: string): Promise<void> {
    for (let round = 0; round < CONVERGE_ROUNDS; round++) {
      const latest = await latestRevision(caseId);
      if (!latest) return;
      await saveSchema(latest.doc);
      await cases.replaceOne({ _id: caseId }, toStoredCase(latest.doc), { upsert: true });
      const after = await latestRevision(caseId);
      if (after?.version === latest.version) return;
    }
  }

  const isFinished = (revision: CaseRevisionDocument) => revision.published && !revision.slaSyncPending;

  /** Drops the revision from the sweeper's to-do list once both its steps are done. */
  async function settle(revisionId: string): Promise<void> {
    const revision = await caseRevisions.findOne({ _id: revisionId });
    if (revision && isFinished(revision)) await unfinishedRevisions.deleteOne({ _id: revisionId });
  }

  /** Claims the revision; false if another writer already committed that version. */
  async function commit(revision: CaseRevisionDocument): Promise<boolean> {
    // Listed first, so no crash can leave an unfinished revision off the list (a listed one that never committed is
    // dropped by the sweeper).
    if (!isFinished(revision)) {
      try {
        await unfinishedRevisions.insertOne({
          _id: revision._id,
          caseId: revision.caseId,
          createdAt: revision.createdAt,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    try {
      await caseRevisions.insertOne(revision);
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await converge(revision.caseId);
    return true;
  }

  return {
    commit,
    converge,
    async findById(id: string): Promise<CaseDocument | null> {
      return (await latestRevision(id))?.doc ?? null;
    },
    /** A page of cases, filtered, sorted and paged on the `cases` copy (one scan on FerretDB). */
    async list(filter: Filter<StoredCaseDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) {
      const stored = await paginate(cases, filter, page, url);
      const items: CaseDocument[] = [];
      for (const doc of stored.items) items.push(await hydrate(doc));
      return { items, links: stored.links };
    },
    /** Stores cases as they would be after their first revision (bulk imports and seeding). */
    async importMany(docs: CaseDocument[]): Promise<void> {
      for (const doc of docs) await saveSchema(doc);
      await cases.insertMany(docs.map(toStoredCase));
    },
    revision: revisionAt,
    markPublished: async (revisionId: string) => {
      await caseRevisions.updateOne({ _id: revisionId }, { $set: { published: true } });
      await settle(revisionId);
    },
    markSlaSynced: async (revisionId: string) => {
      await caseRevisions.updateOne({ _id: revisionId }, { $set: { slaSyncPending: false } });
      await settle(revisionId);
    },
    /** A case's revisions whose events are not yet published (a crash or outage between commit and publish). */
    unpublished: (limit: number, caseId: string) => unpublishedOf(caseId, limit),

    /**
     * Revisions a crash or outage left half-done, oldest first: events not yet published, or SLA timers not yet
     * synced. Entries whose revision never committed (a lost race, a crash) are dropped once a minute old.
     */
    async unfinished(limit: number, now: Date): Promise<CaseRevisionDocument[]> {
      const listed = await unfinishedRevisions.find({}).sort({ _id: 1 }).limit(limit).toArray();
      const found: CaseRevisionDocument[] = [];
      for (const entry of listed) {
        const revision = await caseRevisions.findOne({ _id: entry._id });
        if (revision && !isFinished(revision)) found.push(revision);
        else if (revision || now.getTime() - entry.createdAt.getTime() > ABANDONED_AFTER_MS) {
          await unfinishedRevisions.deleteOne({ _id: entry._id });
        }
      }
      return found;
    },
  };
}

export const revisionId = (caseId: string, version: number) => `${caseId}:${version}`;

export function newRevision(
  doc: CaseDocument,
  events: CaseEventDocument[],
  flags: { slaSyncPending: boolean },
  now: Date,
): CaseRevisionDocument {
  return {
    _id: revisionId(doc._id, doc.version),
    caseId: doc._id,
    version: doc.version,
    doc,
    events,
    createdAt: now,
    published: events.length === 0,
    slaSyncPending: flags.slaSyncPending,
  };
}

export type CaseRepository = ReturnType<typeof createCaseRepository>;
