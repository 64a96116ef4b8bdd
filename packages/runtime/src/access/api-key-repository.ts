import type { Db, Filter } from 'mongodb';
import { paginate, type PageQuery } from '../platform/pagination.ts';
import { accessCollections, type ApiKeyDocument } from './access-collections.ts';

export function createApiKeyRepository(db: Db) {
  const { apiKeys } = accessCollections(db);
  return {
    findByHash: (hash: string) => apiKeys.findOne({ hash }),
    findById: (id: string) => apiKeys.findOne({ _id: id }),
    insert: async (key: ApiKeyDocument) => {
      await apiKeys.insertOne(key);
    },
    /**
     * Makes `key` the configured key: inserted unless a key with its hash exists (the same key registered twice
     * stays one), marked configured and admin, and un-revoked. Every other configured key is revoked: changing
     * CASEWORK_API_KEY retires the old one.
     */
    async registerConfigured(key: ApiKeyDocument & { role: 'admin'; prefix: string }, at: Date): Promise<void> {
      const { hash, _id, name, createdAt } = key;
      await apiKeys.updateOne(
        { hash },
        {
          $setOnInsert: { _id, name, createdAt },
          $set: { configured: true, role: 'admin', prefix: key.prefix },
          $unset: { revokedAt: '' },
        },
        { upsert: true },
      );
      await apiKeys.updateMany(
        { configured: { $ne: false }, hash: { $ne: hash }, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
      );
    },
    list: (filter: Filter<ApiKeyDocument>, page: PageQuery, url: Parameters<typeof paginate>[3]) =>
      paginate(apiKeys, filter, page, url),
    /** Revokes a key created through the API; null when it is missing, configured or already revoked. */
    revoke: (id: string, at: Date) =>
      apiKeys.findOneAndUpdate(
        { _id: id, configured: false, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
        { returnDocument: 'after' },
      ),
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
