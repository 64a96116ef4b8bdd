import { setTimeout as sleep } from 'node:timers/promises';
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

/** Published versions: immutable once written, numbered 1, 2, 3… per workflow by an atomic counter. */
export function createWorkflowVersionRepository(db: Db) {
  const { workflowVersions } = workflowCollections(db);
  const sequences = createSequences(db);

  async function findById(id: string): Promise<WorkflowVersionDocument | null> {
    const stored = await workflowVersions.findOne({ _id: id });
    return stored ? fromStoredVersion(stored) : null;
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
