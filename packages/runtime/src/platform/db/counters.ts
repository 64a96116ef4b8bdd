import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key.ts';

/**
 * Counts `_id` up by `by` (one unless given) and resolves the new count (`by` the first time): one atomic `$inc`
 * upsert, so concurrent callers get distinct counts. Two first upserts of a new `_id` may race on the unique index;
 * the loser retries and counts into the winner's document. `onInsert` is set on the document when this call creates
 * it.
 */
export async function incrementCounter<T extends Document & { _id: string; n: number }>(
  collection: Collection<T>,
  _id: string,
  onInsert: Partial<T> = {},
  by = 1,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const counter = await collection.findOneAndUpdate(
        { _id } as never,
        { $inc: { n: by }, ...(Object.keys(onInsert).length > 0 ? { $setOnInsert: onInsert } : {}) } as never,
        { upsert: true, returnDocument: 'after' },
      );
      if (!counter) throw new Error(`counter ${_id} returned nothing`);
      return counter.n;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
    }
  }
}
