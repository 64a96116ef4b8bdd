import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import type { Db } from 'mongodb';
import { newId } from '../platform/ids.ts';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import { createSequences } from '../platform/db/sequences.ts';
import {
  fromStoredVersion,
  toStoredVersion,
  workflowCollections,
  type WorkflowVersionDocument,
} from './workflow-collections.ts';

// A publish whose predecessor never gets written (its process died) waits this long, then goes on.
const PREVIOUS_VERSION_WAIT_MS = 5_000;

/**
 * Versions kept in memory by id (every trigger reads its workflow's live version): at most this many, and at most
 * this much JSON in all, since a version's graph and plan may each take up to a few hundred KB.
 */
const CACHED_VERSIONS = 200;
const CACHED_VERSIONS_JSON_CHARS = 32 * 1024 * 1024;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Published versions: immutable once written, numbered 1, 2, 3… per workflow by an atomic counter. Being immutable
 * (never updated nor deleted), a version read by id is kept, frozen, and shared by later reads; one too large for the
 * cache is simply read each time.
 */
export function createWorkflowVersionRepository(db: Db) {
  const { workflowVersions } = workflowCollections(db);
  const sequences = createSequences(db);
  const byId = new LRUCache<string, WorkflowVersionDocument>({
    max: CACHED_VERSIONS,
    maxSize: CACHED_VERSIONS_JSON_CHARS,
    sizeCalculation: (version) => Math.max(1, JSON.stringify(version).length),
  });

  async function findById(id: string): Promise<WorkflowVersionDocument | null> {
    const cached = byId.get(id);
    if (cached) return cached;
    const stored = await workflowVersions.findOne({ _id: id });
    if (!stored) return null;
    const version = deepFreeze(fromStoredVersion(stored));
    byId.set(id, version);
    return version;
  }

  return {
    /**
     * Takes the workflow's next number, waits (briefly) for the version before it to be written, then makes the id:
     * ids sort by creation time, so versions published at once still list in number order. The unique number index
     * is the backstop.
     */
    async publish(workflowId: string, build: (id: string, number: number) => WorkflowVersionDocument) {
      const number = await sequences.next(`workflow-version:${workflowId}`);
      const until = Date.now() + PREVIOUS_VERSION_WAIT_MS;
      while (
        number > 1 &&
        Date.now() < until &&
        !(await workflowVersions.findOne({ workflowId, number: number - 1 }))
      ) {
        await sleep(10);
      }
      const version = build(newId('workflowVersion'), number);
      await workflowVersions.insertOne(toStoredVersion(version));
      return version;
    },

    findById,

    /** Version n of a workflow: a lookup on the unique (workflow, number) key. */
    async findByNumber(workflowId: string, number: number): Promise<WorkflowVersionDocument | null> {
      const stored = await workflowVersions.findOne({ workflowId, number });
      return stored ? fromStoredVersion(stored) : null;
    },

    async list(workflowId: string, page: PageQuery, url: Parameters<typeof paginate>[3]) {
      const stored = await paginate(workflowVersions, { workflowId }, page, url);
      return { items: stored.items.map(fromStoredVersion), links: stored.links };
    },
  };
}

export type WorkflowVersionRepository = ReturnType<typeof createWorkflowVersionRepository>;
