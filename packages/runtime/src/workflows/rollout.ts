import { createHash } from 'node:crypto';

/**
 * A staged rollout in progress (docs/architecture.md, "Staged rollout"): new runs split between the live version and
 * the previous one. At 0 % every new run starts on the previous version (undone); at 100 % the rollout ends.
 */
export interface RolloutState {
  previousVersionId: string;
  previousVersionNumber: number;
  /** The share of new runs (0–99 while in progress) that start on the live version. */
  percent: number;
}

/** The bucket 0–99 of a run: a stable hash of its id, so a run id always lands on the same version. */
export function rolloutBucket(runId: string): number {
  return createHash('sha256').update(runId).digest().readUInt32BE(0) % 100;
}

/** Whether the run starts on the live version (else on the previous one) under `rollout`. */
export const runsOnLive = (runId: string, rollout: Pick<RolloutState, 'percent'> | null): boolean =>
  rollout === null || rolloutBucket(runId) < rollout.percent;

/** The share of new runs a version gets now: the live one all of them, or its side of a rollout. */
export function trafficPercent(
  versionId: string,
  workflow: { liveVersionId: string | null; rollout?: RolloutState | null },
): number {
  const rollout = workflow.rollout ?? null;
  if (versionId === workflow.liveVersionId) return rollout ? rollout.percent : 100;
  if (rollout && versionId === rollout.previousVersionId) return 100 - rollout.percent;
  return 0;
}
