import type { Db } from 'mongodb';
import { collections } from './collections.ts';

/** Creates every index the repositories rely on. Idempotent; run at start-up by the api and the worker. */
export async function ensureIndexes(db: Db): Promise<void> {
  const { apiKeys } = collections(db);
  await apiKeys.createIndex({ hash: 1 }, { unique: true, name: 'hash_unique' });
}
