import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseEventName } from '@casework/shared';
import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../lib/pagination.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';
import {
  fromStoredWorkflow,
  toStoredWorkflow,
  workflowCollections,
  type StoredWorkflowDocument,
  type WorkflowDocument,
  type WorkflowVersionDocument,
} from './workflow-collections.ts';
import { createWorkflowVersionRepository } from './workflow-version-repository.ts';

const CONVERGE_ROUNDS = 5;
const DEFAULT_ATTEMPTS = 8;
/** Revisions older than this many writes drop their copy of the workflow (drafts autosave often). */
const KEEP_REVISIONS = 10;

export type WorkflowChange = (workflow: WorkflowDocument) => Partial<Omit<WorkflowDocument, '_id' | 'seq'>> | null;
export type ChangeOutcome =
  { status: 'changed' | 'unchanged'; workflow: WorkflowDocument } | { status: 'missing' } | { status: 'contended' };

const revisionId = (workflowId: string, seq: number) => `${workflowId}:${seq}`;

/**
 * Workflows as revisions (see WorkflowRevisionDocument). Every lookup is by `_id` — the only filter FerretDB 1.x
 * does not evaluate by scanning: the latest revision is the copy's seq plus any revision committed after it.
 */
export function createWorkflowRepository(db: Db) {
  const { workflows, workflowRevisions } = workflowCollections(db);
  const versions = createWorkflowVersionRepository(db);

  async function latest(id: string): Promise<{ stored: StoredWorkflowDocument; copySeq: number } | null> {
    const copy = await workflows.findOne({ _id: id });
    if (!copy) return null;
    let stored = copy;
    for (let seq = copy.seq + 1; ; seq++) {
      const next = await workflowRevisions.findOne({ _id: revisionId(id, seq) });
      if (!next) break;
      // A compacted revision is never the latest one; the loop goes on to it.
      if (next.doc) stored = next.doc;
    }
    return { stored, copySeq: copy.seq };
  }

  /**
   * Makes the copy equal to the latest revision. A whole-document replace, re-checked after writing: a slower
   * writer that put an older revision back sees the newer one on its re-check and writes it again.
   */
  async function converge(id: string): Promise<void> {
    for (let round = 0; round < CONVERGE_ROUNDS; round++) {
      const found = await latest(id);
      if (!found || found.stored.seq === found.copySeq) return;
      await workflows.replaceOne({ _id: id }, found.stored);
    }
  }

  /** Claims the workflow's next seq; false if another writer committed it first. */
  async function commit(workflow: WorkflowDocument): Promise<boolean> {
    const { _id: workflowId, seq } = workflow;
    const doc = toStoredWorkflow(workflow);
    try {
      await workflowRevisions.insertOne({
        _id: revisionId(workflowId, seq),
        workflowId,
        seq,
        doc,
        createdAt: workflow.updatedAt,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await converge(workflowId);
    if (seq > KEEP_REVISIONS) {
      await workflowRevisions.updateOne({ _id: revisionId(workflowId, seq - KEEP_REVISIONS) }, { $set: { doc: null } });
    }
    return true;
  }

  async function findById(id: string): Promise<WorkflowDocument | null> {
    const found = await latest(id);
    if (!found) return null;
    // A writer stopped between its commit and the copy's update: finish its work.
    if (found.stored.seq !== found.copySeq) await converge(id);
    return fromStoredWorkflow(found.stored);
  }

  return {
    findById,

    /** Stores a new workflow (seq 1): its first revision, then the copy lists and lookups start from. */
    async create(workflow: WorkflowDocument): Promise<void> {
      const doc = toStoredWorkflow(workflow);
      await workflowRevisions.insertOne({
        _id: revisionId(workflow._id, workflow.seq),
        workflowId: workflow._id,
        seq: workflow.seq,
        doc,
        createdAt: workflow.createdAt,
      });
      await workflows.insertOne(doc);
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
        if (await commit(next)) return { status: 'changed', workflow: next };
        // Spread the losers of a race out a little, so they do not all collide again.
        await sleep(Math.random() * attempt * 4);
      }
      return { status: 'contended' };
    },

    /** A page of workflows from the copies (newest first). */
    async list(filter: Filter<StoredWorkflowDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) {
      const stored = await paginate(workflows, filter, page, url);
      return { items: stored.items.map(fromStoredWorkflow), links: stored.links };
    },

    /**
     * The active workflows whose live version starts on `eventName`, with that version: one indexed query on the
     * copies, each match re-checked on its latest revision.
     */
    async findLiveByTriggerEvent(
      eventName: string,
    ): Promise<Array<{ workflow: WorkflowDocument; version: WorkflowVersionDocument }>> {
      const candidates = await workflows
        .find({ liveTriggerEvent: eventName as CaseEventName, status: 'active' }, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray();
      const live: Array<{ workflow: WorkflowDocument; version: WorkflowVersionDocument }> = [];
      for (const { _id } of candidates) {
        const workflow = await findById(_id);
        if (workflow?.status !== 'active' || workflow.liveTriggerEvent !== eventName || !workflow.liveVersionId)
          continue;
        const version = await versions.findById(workflow.liveVersionId);
        if (version) live.push({ workflow, version });
      }
      return live;
    },
  };
}

export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
