import type { Db } from 'mongodb';
import type { SealedValue } from './secret-cipher.ts';

/** Collection name: persisted, never renamed. */
export const secretsCollectionName = 'secrets';

/** A secret: its name is its `_id` (unique, the way nodes refer to it); the value only sealed. */
export interface SecretDocument {
  _id: string;
  sealed: SealedValue;
  createdAt: Date;
  updatedAt: Date;
}

export function createSecretRepository(db: Db) {
  const secrets = db.collection<SecretDocument>(secretsCollectionName);
  return {
    /** Every secret without its value, by name. */
    listNames: (limit: number) =>
      secrets
        .find({}, { projection: { sealed: 0 } })
        .sort({ _id: 1 })
        .limit(limit)
        .toArray() as Promise<Omit<SecretDocument, 'sealed'>[]>,
    count: () => secrets.countDocuments({}),
    findByName: (name: string) => secrets.findOne({ _id: name }),
    /** Throws a duplicate-key error when the name is taken. */
    insert: async (secret: SecretDocument) => {
      await secrets.insertOne(secret);
    },
    replace: (name: string, sealed: SealedValue, at: Date) =>
      secrets.findOneAndUpdate(
        { _id: name },
        { $set: { sealed, updatedAt: at } },
        { returnDocument: 'after', projection: { sealed: 0 } },
      ),
    remove: async (name: string) => (await secrets.deleteOne({ _id: name })).deletedCount === 1,
  };
}

export type SecretRepository = ReturnType<typeof createSecretRepository>;
