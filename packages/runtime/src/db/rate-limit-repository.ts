import type { Db } from 'mongodb';
import { collections } from './collections.ts';
import { claimNext } from './sequence-claims.ts';

/**
 * Fixed-window request counts per API key, shared by every api replica: the n-th request of a window claims
 * slot `<key>:<window>:<n>`, so exactly `max` requests per window get through. Once the window is full nothing
 * more is written.
 */
export function createRateLimitRepository(db: Db) {
  const { rateLimitHits: hits } = collections(db);
  return {
    /** The request's position in its window: ≤ max means it may pass (its slot is taken), > max that it may not. */
    take: (apiKeyId: string, windowStart: Date, max: number) =>
      claimNext(
        hits,
        (n) => `${apiKeyId}:${windowStart.getTime()}:${n}`,
        (n) => ({ _id: `${apiKeyId}:${windowStart.getTime()}:${n}`, apiKeyId, windowStart, n }),
        max,
      ),

    /** Deletes every slot of windows that started before `before` (expiry in code: no TTL indexes on FerretDB). */
    async deleteBefore(before: Date): Promise<void> {
      await hits.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
