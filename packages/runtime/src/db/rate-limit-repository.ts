import type { Db } from 'mongodb';
import { collections } from './collections.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';

const UPSERT_ATTEMPTS = 3;

/** Fixed-window request counters, one document per API key and window, shared by every api replica. */
export function createRateLimitRepository(db: Db) {
  const { rateLimitWindows: windows } = collections(db);
  return {
    /** Counts one request in the key's window and returns the window's count so far, in one atomic upsert. */
    async increment(apiKeyId: string, windowStart: Date): Promise<number> {
      const _id = `${apiKeyId}:${windowStart.getTime()}`;
      for (let attempt = 1; ; attempt++) {
        try {
          const window = await windows.findOneAndUpdate(
            { _id },
            { $inc: { count: 1 }, $setOnInsert: { apiKeyId, windowStart } },
            { upsert: true, returnDocument: 'after' },
          );
          if (!window) throw new Error(`rate-limit upsert of ${_id} returned no document`);
          return window.count;
        } catch (error) {
          // Two first requests of a window may both try to insert; the loser retries and finds the document.
          if (!isDuplicateKeyError(error) || attempt >= UPSERT_ATTEMPTS) throw error;
        }
      }
    },

    /** Deletes every window that started before `before` (expiry in code: no TTL indexes on FerretDB). */
    async deleteBefore(before: Date): Promise<void> {
      await windows.deleteMany({ windowStart: { $lt: before } });
    },
  };
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
