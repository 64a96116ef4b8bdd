import type { Db } from 'mongodb';
import { collections } from './collections.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';

/**
 * Fixed-window request counts per API key, shared by every api replica. A request takes the next free slot
 * of its window by inserting `<key>:<window>:<n>`: a unique insert is atomic on MongoDB and FerretDB alike (an
 * `$inc` loses concurrent updates on FerretDB 1.x), so exactly `max` requests per window get through. Once the
 * window is full nothing more is written.
 */
export function createRateLimitRepository(db: Db) {
  const { rateLimitHits: hits } = collections(db);
  const highest = async (apiKeyId: string, windowStart: Date) =>
    (await hits.find({ apiKeyId, windowStart }).sort({ n: -1 }).limit(1).next())?.n ?? 0;

  return {
    /** The request's position in its window: ≤ max means it may pass (its slot is taken), > max that it may not. */
    async take(apiKeyId: string, windowStart: Date, max: number): Promise<number> {
      let n = await highest(apiKeyId, windowStart);
      for (;;) {
        if (n >= max) return n + 1;
        n += 1;
        try {
          await hits.insertOne({ _id: `${apiKeyId}:${windowStart.getTime()}:${n}`, apiKeyId, windowStart, n });
          return n;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          n = Math.max(n, await highest(apiKeyId, windowStart));
        }
      }
    },

    /** Deletes every slot of windows that started before `before` (expiry in code: no TTL indexes on FerretDB). */
    async deleteBefore(before: Date): Promise<void> {
      await hits.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
