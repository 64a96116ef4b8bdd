import type { Db } from 'mongodb';
import { newId } from '../lib/ids.ts';
import { paginate, type PageQuery } from '../lib/pagination.ts';
import { claimNext } from './sequence-claims.ts';
import {
  fromStoredVersion,
  toStoredVersion,
  workflowCollections,
  type WorkflowVersionDocument,
} from './workflow-collections.ts';

/** Published versions: immutable once written, numbered 1, 2, 3… per workflow by unique-insert claims. */
export function createWorkflowVersionRepository(db: Db) {
  const { workflowVersions, workflowVersionNumbers } = workflowCollections(db);

  async function findById(id: string): Promise<WorkflowVersionDocument | null> {
    const stored = await workflowVersions.findOne({ _id: id });
    return stored ? fromStoredVersion(stored) : null;
  }

  return {
    /**
     * Claims the workflow's next number, then writes the version under the id the claim names. The id is made
     * when its number is tried: a claim of n+1 starts only once n is taken, so ids (which sort by creation
     * time) sort like numbers, and the `_id`-ordered version list reads newest first.
     */
    async publish(workflowId: string, build: (id: string, number: number) => WorkflowVersionDocument) {
      let versionId = '';
      const number = await claimNext(
        workflowVersionNumbers,
        (n) => `${workflowId}:${n}`,
        (n) => {
          versionId = newId('workflowVersion');
          return { _id: `${workflowId}:${n}`, workflowId, n, versionId };
        },
      );
      const version = build(versionId, number);
      await workflowVersions.insertOne(toStoredVersion(version));
      return version;
    },

    findById,

    /** Version n of a workflow, through its claim (an `_id` lookup, where FerretDB would scan for the number). */
    async findByNumber(workflowId: string, number: number): Promise<WorkflowVersionDocument | null> {
      const claim = await workflowVersionNumbers.findOne({ _id: `${workflowId}:${number}` });
      return claim ? findById(claim.versionId) : null;
    },

    async list(workflowId: string, page: PageQuery, url: Parameters<typeof paginate>[3]) {
      const stored = await paginate(workflowVersions, { workflowId }, page, url);
      return { items: stored.items.map(fromStoredVersion), links: stored.links };
    },
  };
}

export type WorkflowVersionRepository = ReturnType<typeof createWorkflowVersionRepository>;
