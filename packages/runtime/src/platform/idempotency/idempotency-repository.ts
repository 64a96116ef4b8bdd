import type { Db } from 'mongodb';
import { collections, type IdempotencyRecordDocument } from '../db/platform-collections.ts';
import { isDuplicateKeyError } from '../db/duplicate-key.ts';

type InFlightRecord = Extract<IdempotencyRecordDocument, { state: 'in-flight' }>;
type CompletedRecord = Extract<IdempotencyRecordDocument, { state: 'completed' }>;

/**
 * Idempotency records. Every write is one single-document operation guarded by the claim's token,
 * so it works without transactions (the embedded store has none) and a claimant that lost its claim cannot overwrite the winner.
 */
export function createIdempotencyRepository(db: Db) {
  const { idempotencyRecords: records } = collections(db);
  return {
    /** Claims a fresh key; false when a record for it already exists (the unique `_id` decides the race). */
    async insertClaim(record: InFlightRecord): Promise<boolean> {
      try {
        await records.insertOne(record);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    findById: (id: string) => records.findOne({ _id: id }),

    /** Takes over an expired or abandoned record, unless someone else changed it since it was read. */
    async replaceClaim(expectedToken: string, record: InFlightRecord): Promise<boolean> {
      const result = await records.replaceOne({ _id: record._id, token: expectedToken }, record);
      return result.matchedCount === 1;
    },

    /** Keeps a running claim from looking abandoned. */
    async touchClaim(id: string, token: string, at: Date): Promise<void> {
      await records.updateOne({ _id: id, token, state: 'in-flight' }, { $set: { lockedAt: at } });
    },

    /** Stores the response in place of the claim; false when the claim was lost (taken over) meanwhile. */
    async complete(record: CompletedRecord): Promise<boolean> {
      const result = await records.replaceOne({ _id: record._id, token: record.token, state: 'in-flight' }, record);
      return result.matchedCount === 1;
    },

    /** Drops a claim so the key can be used again. */
    async release(id: string, token: string): Promise<void> {
      await records.deleteOne({ _id: id, token, state: 'in-flight' });
    },

    /** Deletes responses completed, and claims last touched, before `before`. */
    async purgeBefore(before: Date): Promise<void> {
      await records.deleteMany({ $or: [{ completedAt: { $lt: before } }, { lockedAt: { $lt: before } }] });
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
