import type { Db } from 'mongodb';
import { collections } from './collections.ts';

/** Creates every index the repositories rely on. Idempotent; run at start-up by the api and the worker. */
export async function ensureIndexes(db: Db): Promise<void> {
  const { apiKeys, idempotencyRecords, rateLimitHits } = collections(db);
  await apiKeys.createIndex({ hash: 1 }, { unique: true, name: 'hash_unique' });
  // Expiry is done in code (FerretDB has no TTL indexes): these serve the periodic purges.
  await idempotencyRecords.createIndex({ completedAt: 1 }, { name: 'completed_at' });
  await idempotencyRecords.createIndex({ lockedAt: 1 }, { name: 'locked_at' });
  await rateLimitHits.createIndex({ apiKeyId: 1, windowStart: 1, n: -1 }, { name: 'key_window_n' });
  await rateLimitHits.createIndex({ windowStart: 1 }, { name: 'window_start' });
}
