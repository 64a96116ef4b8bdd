import type { Db } from 'mongodb';
import { collections } from '../db/platform-collections.ts';
import { incrementCounter } from '../db/counters.ts';

/**
 * Fixed-window request counts per API key, shared by every api replica: one counter document per key and window,
 * counted up by one atomic `$inc` upsert, so exactly `max` requests of a window see a count ≤ max.
 */
export function createRateLimitRepository(db: Db) {
  const { rateLimitCounters: counters } = collections(db);
  return {
    /** Counts the request into its window; resolves its position (1 for the window's first request). */
    take: (apiKeyId: string, windowStart: Date) =>
      incrementCounter(counters, `${apiKeyId}:${windowStart.getTime()}`, { windowStart }),

    /** Deletes the counters of windows that started before `before` (expiry in code: TTL indexes may not delete). */
    async deleteBefore(before: Date): Promise<void> {
      await counters.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
