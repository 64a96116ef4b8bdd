import type { Db } from 'mongodb';
import type { Clock } from '../clock.ts';
import { isDuplicateKeyError } from './duplicate-key.ts';
import { collections } from './platform-collections.ts';

/**
 * `claimOnce(key, make)`: the value first claimed for `key`, making it with `make()` if nobody has. A unique
 * insert decides, so retries and concurrent duplicates (a retried activity, a re-published event) agree on one
 * value. The insert comes first: the first claim, by far the most common, costs one round trip.
 */
export function createClaims(db: Db, clock: Clock) {
  const { claims } = collections(db);
  return {
    async claimOnce(key: string, make: () => string): Promise<{ value: string; first: boolean }> {
      const value = make();
      try {
        await claims.insertOne({ _id: key, value, createdAt: clock() });
        return { value, first: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const winner = await claims.findOne({ _id: key });
        if (!winner) throw error;
        return { value: winner.value, first: false };
      }
    },

    /**
     * The value claimed for `key`, or null. Cases and run events now keep the key they were made for on themselves
     * (a unique `dedupeKey`); this finds what a key named before that, so a retry still gets it.
     */
    async valueOf(key: string): Promise<string | null> {
      return (await claims.findOne({ _id: key }))?.value ?? null;
    },
  };
}

export type Claims = ReturnType<typeof createClaims>;
