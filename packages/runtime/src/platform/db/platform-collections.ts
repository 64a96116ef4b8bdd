import type { Db } from 'mongodb';

/** Collection names: persisted, so never renamed. */
export const collectionNames = {
  systemChecks: 'system_checks',
  // Idempotency and rate limiting (plugins/idempotency.plugin.ts, plugins/rate-limit.plugin.ts).
  idempotencyRecords: 'idempotency_records',
  rateLimitCounters: 'rate_limit_counters',
  // Counters and claims any domain uses (platform/db/counters.ts, platform/db/claims.ts).
  sequences: 'sequences',
  claims: 'claims',
} as const;

export interface SystemCheckDocument {
  _id: string;
  status: 'pending' | 'completed';
  delaySeconds: number;
  createdAt: Date;
  /** Absent until the activity first runs. */
  completedAt?: Date;
  activityExecutions: number;
  workflowId: string;
  temporalRunId: string | null;
}

/** A response as the idempotency layer stores and replays it. */
export interface StoredResponse {
  statusCode: number;
  contentType: string | null;
  body: string;
}

interface IdempotencyRecordBase {
  /** `<principal id>:<Idempotency-Key>`: keys are scoped per API key or user (their ids contain no `:`). */
  _id: string;
  apiKeyId: string;
  key: string;
  /** SHA-256 of method, URL and canonical body. */
  fingerprint: string;
  /** Random per claim: only the claimant may complete or release it (a compare-and-swap on takeover). */
  token: string;
  createdAt: Date;
}

/** One Idempotency-Key's record: claimed while its first request runs, then the stored response. */
export type IdempotencyRecordDocument =
  | (IdempotencyRecordBase & { state: 'in-flight'; /** Refreshed while the claimant runs. */ lockedAt: Date })
  | (IdempotencyRecordBase & { state: 'completed'; completedAt: Date; response: StoredResponse });

/** The requests an API key made in one rate-limit window. */
export interface RateLimitCounterDocument {
  /** `<api key id>:<window start, epoch ms>`. */
  _id: string;
  windowStart: Date;
  n: number;
}

/** A named counter: per-template case numbers, per-workflow version numbers. */
export interface SequenceDocument {
  _id: string;
  n: number;
}

/** A value claimed once for a key (a step's case id, an event trigger's run id): the first insert wins. */
export interface ClaimDocument {
  _id: string;
  value: string;
  createdAt: Date;
}

export function collections(db: Db) {
  return {
    systemChecks: db.collection<SystemCheckDocument>(collectionNames.systemChecks),
    idempotencyRecords: db.collection<IdempotencyRecordDocument>(collectionNames.idempotencyRecords),
    rateLimitCounters: db.collection<RateLimitCounterDocument>(collectionNames.rateLimitCounters),
    sequences: db.collection<SequenceDocument>(collectionNames.sequences),
    claims: db.collection<ClaimDocument>(collectionNames.claims),
  };
}
