import type { Db } from 'mongodb';
import { caseCollections } from '../../cases/case-collections.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';

/**
 * Named counters, each one document: `next(name)` is one atomic `$inc` upsert, so concurrent callers get distinct
 * numbers 1, 2, 3… (two first upserts of a new name may race on the unique `_id`; the loser simply increments).
 */
export function createSequences(db: Db) {
  const { sequences } = caseCollections(db);
  return {
    async next(name: string): Promise<number> {
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = await sequences.findOneAndUpdate(
            { _id: name },
            { $inc: { n: 1 } },
            { upsert: true, returnDocument: 'after' },
          );
          if (!doc) throw new Error(`sequence ${name} returned nothing`);
          return doc.n;
        } catch (error) {
          if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
        }
      }
    },
  };
}

export type Sequences = ReturnType<typeof createSequences>;
