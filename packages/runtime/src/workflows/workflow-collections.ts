import type { CaseEventName, Graph, Plan, WorkflowTriggerKind } from '@casework/shared';
import type { Db } from 'mongodb';
import type { Actor } from '../cases/case-collections.ts';
import { ensureGuardIndex, ensureIndex } from '../platform/db/indexes.ts';
import type { RolloutState } from './rollout.ts';

/** Collection names of workflows: persisted, so never renamed. */
export const workflowCollectionNames = {
  workflows: 'workflows',
  workflowVersions: 'workflow_versions',
} as const;

/** A workflow: its draft (any JSON object, valid or not) and a pointer to its live (latest published) version. */
export interface WorkflowDocument {
  _id: string;
  name: string;
  description: string | null;
  status: 'active' | 'archived';
  draft: { graph: Record<string, unknown>; revision: number; savedAt: Date };
  liveVersionId: string | null;
  liveVersionNumber: number | null;
  /** The event of the live version's `trigger.event`, null for other triggers: event routing queries it. */
  liveTriggerEvent: CaseEventName | null;
  /** A staged rollout of the live version in progress; null (or absent, before rollouts existed) when none. */
  rollout?: RolloutState | null;
  creator: Actor | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency of every write (draft, rename, archive, live version): 1 at creation, +1 per write. */
  seq: number;
}

/** A published version: immutable. */
export interface WorkflowVersionDocument {
  _id: string;
  workflowId: string;
  number: number;
  graph: Graph;
  plan: Plan;
  notes: string | null;
  author: Actor | null;
  triggerKind: WorkflowTriggerKind;
  triggerEvent: CaseEventName | null;
  /** The draft revision it was published from. */
  draftRevision: number;
  createdAt: Date;
}

/**
 * Graphs and plans are kept as JSON text: a draft may hold any keys, and MongoDB-protocol servers refuse keys
 * starting with `$` or containing `.`, which a literal object value in a node's params may have.
 */
export type StoredWorkflowDocument = Omit<WorkflowDocument, 'draft'> & {
  draft: { graphJson: string; revision: number; savedAt: Date };
};
export type StoredWorkflowVersionDocument = Omit<WorkflowVersionDocument, 'graph' | 'plan'> & {
  graphJson: string;
  planJson: string;
};

export const toStoredWorkflow = ({ draft, ...rest }: WorkflowDocument): StoredWorkflowDocument => ({
  ...rest,
  draft: { graphJson: JSON.stringify(draft.graph), revision: draft.revision, savedAt: draft.savedAt },
});

export const fromStoredWorkflow = ({ draft, ...rest }: StoredWorkflowDocument): WorkflowDocument => ({
  ...rest,
  draft: {
    graph: JSON.parse(draft.graphJson) as Record<string, unknown>,
    revision: draft.revision,
    savedAt: draft.savedAt,
  },
});

export const toStoredVersion = ({ graph, plan, ...rest }: WorkflowVersionDocument): StoredWorkflowVersionDocument => ({
  ...rest,
  graphJson: JSON.stringify(graph),
  planJson: JSON.stringify(plan),
});

export const fromStoredVersion = ({
  graphJson,
  planJson,
  ...rest
}: StoredWorkflowVersionDocument): WorkflowVersionDocument => ({
  ...rest,
  graph: JSON.parse(graphJson) as Graph,
  plan: JSON.parse(planJson) as Plan,
});

export function workflowCollections(db: Db) {
  return {
    workflows: db.collection<StoredWorkflowDocument>(workflowCollectionNames.workflows),
    workflowVersions: db.collection<StoredWorkflowVersionDocument>(workflowCollectionNames.workflowVersions),
  };
}

/** Indexes of workflows: one per list filter, event routing, and unique version numbers (also their lookup). */
export async function ensureWorkflowIndexes(db: Db): Promise<void> {
  const { workflows, workflowVersions } = workflowCollections(db);
  await ensureGuardIndex(workflows, ['seq']);
  await ensureIndex(workflows, { status: 1, _id: -1 }, { name: 'status_id' });
  await ensureIndex(workflows, { liveTriggerEvent: 1 }, { name: 'live_trigger_event' });
  await ensureIndex(workflowVersions, { workflowId: 1, number: 1 }, { unique: true, name: 'workflow_number_unique' });
  await ensureIndex(workflowVersions, { workflowId: 1, _id: -1 }, { name: 'workflow_id' });
}
