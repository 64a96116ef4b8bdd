import type { Db } from 'mongodb';
import { collections } from '../db/platform-collections.ts';
import { incrementCounter } from '../db/counters.ts';

/**
 * Fixed-window request counts per API key, shared by every api replica: one counter document per key and window,
 * counted up by atomic `$inc` upserts, so no two reservations get the same positions of a window.
 */
export function createRateLimitRepository(db: Db) {
  const { rateLimitCounters: counters } = collections(db);
  return {
    /** Reserves the next `count` positions of the key's window; resolves the last of them (1-based). */
    take: (apiKeyId: string, windowStart: Date, count = 1) =>
      incrementCounter(counters, `${apiKeyId}:${windowStart.getTime()}`, { windowStart }, count),

    /** Deletes the counters of windows that started before `before` (expiry in code: TTL indexes may not delete). */
    async deleteBefore(before: Date): Promise<void> {
      await counters.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
