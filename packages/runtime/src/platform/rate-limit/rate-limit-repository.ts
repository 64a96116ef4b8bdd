import type { Db } from 'mongodb';
import { collections } from '../db/platform-collections.ts';
import { isDuplicateKeyError } from '../db/duplicate-key.ts';

/**
 * Fixed-window request counts per API key, shared by every api replica: one counter document per key and window,
 * counted up by one atomic `$inc` upsert, so exactly `max` requests of a window see a count ≤ max.
 */
export function createRateLimitRepository(db: Db) {
  const { rateLimitCounters: counters } = collections(db);
  return {
    /** Counts the request into its window; resolves its position (1 for the window's first request). */
    async take(apiKeyId: string, windowStart: Date): Promise<number> {
      const _id = `${apiKeyId}:${windowStart.getTime()}`;
      for (let attempt = 0; ; attempt++) {
        try {
          const counter = await counters.findOneAndUpdate(
            { _id },
            { $inc: { n: 1 }, $setOnInsert: { windowStart } },
            { upsert: true, returnDocument: 'after' },
          );
          if (!counter) throw new Error(`rate-limit counter ${_id} returned nothing`);
          return counter.n;
        } catch (error) {
          // Two first requests of a window raced to create its counter: the loser counts into the winner's.
          if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
        }
      }
    },

    /** Deletes the counters of windows that started before `before` (expiry in code: TTL indexes may not delete). */
    async deleteBefore(before: Date): Promise<void> {
      await counters.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
