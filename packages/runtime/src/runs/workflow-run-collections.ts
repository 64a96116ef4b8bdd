import type { CaseEventName, RunStatus, StepState } from '@casework/shared';
import type { Db } from 'mongodb';
import type { Actor } from '../cases/case-collections.ts';
import { ensureGuardIndex, ensureIndex } from '../platform/db/indexes.ts';

/** Collection names of workflow runs: persisted, so never renamed. */
export const runCollectionNames = {
  workflowRuns: 'workflow_runs',
} as const;

export type RunTrigger =
  | { kind: 'api' }
  | { kind: 'event'; eventId: string; eventName: CaseEventName; caseId: string }
  | { kind: 'rerun'; rerunOf: string }
  /** Started by a `flow.run-workflow` step of another run, as its Temporal child workflow. */
  | { kind: 'workflow'; parentRunId: string; parentNodeId: string }

  /** A firing of the workflow's Temporal Schedule, at its scheduled time (ISO). */
  | { kind: 'schedule'; scheduleId: string; scheduledAt: string };

/**
 * One run of a workflow version. Inserted by whoever starts the run (before Temporal is asked to), then written
 * only by the run's own workflow (snapshots, each with a higher `seq`), so there is one writer per document.
 */
export interface WorkflowRunDocument {
  _id: string;
  workflowId: string;
  versionId: string;
  versionNumber: number;
  trigger: RunTrigger;
  /** The trigger's output the run started with (payload, or `{ event, case }`): a rerun starts from it again. */
  input: unknown;
  status: RunStatus;
  steps: StepState[];
  caseIds: string[];
  error: string | null;
  temporalRunId: string | null;
  seq: number;
  creator: Actor | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export function runCollections(db: Db) {
  return {
    workflowRuns: db.collection<WorkflowRunDocument>(runCollectionNames.workflowRuns),
  };
}

export async function ensureRunIndexes(db: Db): Promise<void> {
  const { workflowRuns } = runCollections(db);
  await ensureGuardIndex(workflowRuns, ['seq']);
  await ensureIndex(workflowRuns, { workflowId: 1, _id: -1 }, { name: 'workflow_id' });
  await ensureIndex(workflowRuns, { status: 1, _id: -1 }, { name: 'status_id' });
  await ensureIndex(workflowRuns, { caseIds: 1, _id: -1 }, { name: 'case_ids' });
}
