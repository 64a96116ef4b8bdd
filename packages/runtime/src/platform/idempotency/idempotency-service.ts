import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IdempotencyRecordDocument, StoredResponse } from '../db/platform-collections.ts';
import type { IdempotencyRepository } from './idempotency-repository.ts';
import type { Clock } from '../clock.ts';

type InFlightRecord = Extract<IdempotencyRecordDocument, { state: 'in-flight' }>;

export interface IdempotencyTiming {
  /** How long a response is replayed (docs/architecture.md, "HTTP API conventions": 24 h). */
  retentionMs: number;
  /** A claim not touched for this long belongs to a crashed request and may be taken over. */
  staleClaimMs: number;
  /** How often a running claimant touches its claim; well under `staleClaimMs`. */
  heartbeatMs: number;
  /** How long a duplicate waits for the first request before giving up with a conflict. */
  waitTimeoutMs: number;
  /** Poll interval while waiting, randomised between the two so waiters do not move in lockstep. */
  pollMinMs: number;
  pollMaxMs: number;
  /** How often (at most) one api process purges expired records. */
  purgeEveryMs: number;
}

export const defaultIdempotencyTiming: IdempotencyTiming = {
  retentionMs: 24 * 60 * 60 * 1000,
  staleClaimMs: 60_000,
  heartbeatMs: 15_000,
  waitTimeoutMs: 15_000,
  pollMinMs: 25,
  pollMaxMs: 50,
  purgeEveryMs: 10 * 60 * 1000,
};

export interface IdempotentRequest {
  apiKeyId: string;
  key: string;
  fingerprint: string;
}

/** A claim this process holds on a key while it runs the request. */
export interface IdempotencyClaim {
  record: InFlightRecord;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; response: StoredResponse }
  /** The key was first used with a different method, URL or body. */
  | { kind: 'mismatch' }
  /** The first request was still running when the wait ran out. */
  | { kind: 'in-flight' };

/** JSON with object keys sorted at every level, so key order does not change a request's fingerprint. */
function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : inner,
    ) ?? ''
  );
}

/** SHA-256 of method, URL and canonical body: what "the same request" means for a reused key. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method}\n${url}\n${canonicalJson(body)}`, 'utf8')
    .digest('hex');
}

/**
 * Idempotency-Key semantics (docs/architecture.md, "HTTP API conventions") on single-document atomic operations only: a unique insert
 * claims a key, duplicates wait for the claimant's stored response, and expired or abandoned records
 * are replaced by compare-and-swap on their claim token.
 */
export function createIdempotencyService(deps: {
  records: IdempotencyRepository;
  clock: Clock;
  timing?: Partial<IdempotencyTiming>;
}) {
  const timing = { ...defaultIdempotencyTiming, ...deps.timing };
  const { records, clock } = deps;
  let lastPurge = 0;

  const newClaim = (request: IdempotentRequest): InFlightRecord => {
    const now = clock();
    return {
      _id: `${request.apiKeyId}:${request.key}`,
      apiKeyId: request.apiKeyId,
      key: request.key,
      fingerprint: request.fingerprint,
      token: randomUUID(),
      createdAt: now,
      state: 'in-flight',
      lockedAt: now,
    };
  };

  /** Expired responses and abandoned claims count as absent. */
  const isDead = (record: IdempotencyRecordDocument, now: number) =>
    record.state === 'completed'
      ? record.completedAt.getTime() <= now - timing.retentionMs
      : record.lockedAt.getTime() <= now - timing.staleClaimMs;

  const pollDelay = () => timing.pollMinMs + Math.random() * (timing.pollMaxMs - timing.pollMinMs);

  async function purgeNowAndThen(): Promise<void> {
    const now = clock().getTime();
    if (now - lastPurge < timing.purgeEveryMs) return;
    lastPurge = now;
    await records.purgeBefore(new Date(now - timing.retentionMs));
  }

  return {
    timing,

    /** Claims the key for this request, or says what to answer instead. Waits while the first request runs. */
    async claim(request: IdempotentRequest): Promise<ClaimOutcome> {
      await purgeNowAndThen();
      const deadline = performance.now() + timing.waitTimeoutMs;
      for (;;) {
        const fresh = newClaim(request);
        if (await records.insertClaim(fresh)) return { kind: 'claimed', claim: { record: fresh } };

        let existing = await records.findById(fresh._id);
        while (existing?.state === 'in-flight' && !isDead(existing, clock().getTime())) {
          if (existing.fingerprint !== request.fingerprint) return { kind: 'mismatch' };
          if (performance.now() >= deadline) return { kind: 'in-flight' };
          await sleep(pollDelay());
          existing = await records.findById(fresh._id);
        }

        // The wait ends on a completed response, on a dead record, or on none at all.
        if (existing?.state === 'completed' && !isDead(existing, clock().getTime())) {
          if (existing.fingerprint !== request.fingerprint) return { kind: 'mismatch' };
          return { kind: 'replay', response: existing.response };
        }
        if (existing) {
          const takeover = newClaim(request);
          if (await records.replaceClaim(existing.token, takeover)) {
            return { kind: 'claimed', claim: { record: takeover } };
          }
        }
        // The record vanished (released after a 5xx) or another request replaced it first: go again.
        if (performance.now() >= deadline) return { kind: 'in-flight' };
      }
    },

    /** Stores the response for replay; false when the claim had been taken over (this request was presumed dead). */
    complete(claim: IdempotencyClaim, response: StoredResponse): Promise<boolean> {
      const { lockedAt: _lockedAt, ...record } = claim.record;
      return records.complete({ ...record, state: 'completed', completedAt: clock(), response });
    },

    /** Gives the key up so that a retry runs the request again. */
    release: (claim: IdempotencyClaim) => records.release(claim.record._id, claim.record.token),

    /** Marks the claim as still running. */
    touch: (claim: IdempotencyClaim) => records.touchClaim(claim.record._id, claim.record.token, clock()),
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
