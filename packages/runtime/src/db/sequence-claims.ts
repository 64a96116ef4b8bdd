import type { Collection, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key.ts';

interface Slot {
  _id: string;
  n: number;
}

/**
 * Claims the next number of a sequence (a template's case numbers, an API key's rate-limit window) by inserting
 * one document per number: a unique insert is atomic on MongoDB and FerretDB alike, where an `$inc` loses
 * concurrent updates on FerretDB 1.x. Resolves the claimed n, or `limit + 1` without writing once the sequence
 * is full. `slot(n)` builds the document for n; its `_id` must be unique per sequence and n.
 */
export async function claimNext<T extends Slot>(
  collection: Collection<T>,
  sequence: Filter<T>,
  slot: (n: number) => T,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  const highest = async () => (await collection.find(sequence).sort({ n: -1 }).limit(1).next())?.n ?? 0;
  let n = await highest();
  for (;;) {
    if (n >= limit) return n + 1;
    n += 1;
    try {
      await collection.insertOne(slot(n) as OptionalUnlessRequiredId<T>);
      return n;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Someone took n: jump to the current highest rather than walking up one by one.
      n = Math.max(n, await highest());
    }
  }
}
