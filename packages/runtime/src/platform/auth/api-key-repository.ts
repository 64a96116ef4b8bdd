import type { Db } from 'mongodb';
import { collections, type ApiKeyDocument } from '../db/platform-collections.ts';

export function createApiKeyRepository(db: Db) {
  const { apiKeys } = collections(db);
  return {
    findByHash: (hash: string) => apiKeys.findOne({ hash }),
    /** Inserts the key unless one with the same hash exists (the same key registered twice stays one). */
    async upsert(key: ApiKeyDocument): Promise<void> {
      const { hash, ...rest } = key;
      await apiKeys.updateOne({ hash }, { $setOnInsert: rest }, { upsert: true });
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
