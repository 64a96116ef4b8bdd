import {
  MongoServerError,
  type Collection,
  type CreateIndexesOptions,
  type Db,
  type Document,
  type IndexSpecification,
} from 'mongodb';
import { collections } from './platform-collections.ts';

/** IndexOptionsConflict, IndexKeySpecsConflict: an index of that name exists with another definition. */
const INDEX_CONFLICT_CODES = new Set([85, 86]);

/**
 * Creates a named index, replacing an older definition under the same name: a data directory from an earlier
 * release may hold an index whose keys or options have since changed, and start-up must not fail on it.
 */
export async function ensureIndex<T extends Document>(
  collection: Collection<T>,
  spec: IndexSpecification,
  options: CreateIndexesOptions & { name: string },
): Promise<void> {
  try {
    await collection.createIndex(spec, options);
  } catch (error) {
    if (!(error instanceof MongoServerError) || !INDEX_CONFLICT_CODES.has(Number(error.code))) throw error;
    await collection.dropIndex(options.name);
    await collection.createIndex(spec, options);
  }
}

/** The platform's own indexes (API keys, idempotency records); composition.ts adds every domain's. */
export async function ensureIndexes(db: Db): Promise<void> {
  const { apiKeys, idempotencyRecords } = collections(db);
  await ensureIndex(apiKeys, { hash: 1 }, { unique: true, name: 'hash_unique' });
  // Expiry is done in code (the embedded store's TTL indexes never delete): these serve the periodic purges.
  await ensureIndex(idempotencyRecords, { completedAt: 1 }, { name: 'completed_at' });
  await ensureIndex(idempotencyRecords, { lockedAt: 1 }, { name: 'locked_at' });
}
