import type { Collection, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from './duplicate-key.ts';

interface Slot {
  _id: string;
  n: number;
}

// The highest number each sequence was last seen at, per process: where the next search starts.
const hints = new Map<string, number>();
const MAX_HINTS = 10_000;

/**
 * The highest taken number of a sequence whose slots 1..N all exist (each claim of n follows a taken n-1), found
 * by `_id` lookups only — on FerretDB a query on other fields decodes the whole collection. Gallops up from the
 * hint, then bisects: O(log of the distance) point reads.
 */
async function highestTaken(exists: (n: number) => Promise<boolean>, hint: number): Promise<number> {
  let low = hint > 0 && (await exists(hint)) ? hint : 0;
  let step = 1;
  while (await exists(low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step; // known free
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await exists(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * Claims the next number of a sequence (a template's case numbers, an API key's rate-limit window) by inserting
 * one document per number: a unique insert is atomic on MongoDB and FerretDB alike, where an `$inc` loses
 * concurrent updates on FerretDB 1.x. Resolves the claimed n, or `limit + 1` without writing once the sequence
 * is full. `idOf(n)` is slot n's `_id` (unique per sequence and n); `slot(n)` builds the document to insert.
 */
export async function claimNext<T extends Slot>(
  collection: Collection<T>,
  idOf: (n: number) => string,
  slot: (n: number) => T,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  const key = `${collection.collectionName}/${idOf(1)}`;
  const exists = async (n: number) =>
    (await collection.findOne({ _id: idOf(n) } as Parameters<typeof collection.findOne>[0], {
      projection: { _id: 1 },
    })) !== null;
  let n = await highestTaken(exists, hints.get(key) ?? 0);
  for (;;) {
    if (n >= limit) return n + 1;
    n += 1;
    try {
      await collection.insertOne(slot(n) as OptionalUnlessRequiredId<T>);
      if (hints.size > MAX_HINTS) hints.clear();
      hints.set(key, n);
      return n;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Someone took n: find the current highest from there rather than walking up one by one.
      n = await highestTaken(exists, n);
    }
  }
}
