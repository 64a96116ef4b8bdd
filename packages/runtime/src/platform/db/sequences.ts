import type { Db } from 'mongodb';
import { incrementCounter } from './counters.ts';
import { collections } from './platform-collections.ts';

/** Named sequences 1, 2, 3… (case numbers per template, version numbers per workflow), one counter each. */
export function createSequences(db: Db) {
  const { sequences } = collections(db);
  return { next: (name: string) => incrementCounter(sequences, name) };
}

export type Sequences = ReturnType<typeof createSequences>;
