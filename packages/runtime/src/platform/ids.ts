import { createHash, randomInt } from 'node:crypto';
import { ID_RANDOM_LENGTH, idPrefixes, type IdKind } from '@casework/shared';

// Url-safe characters in ASCII order, so ids sort (as strings, and in MongoDB indexes) by creation time.
const ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 7; // 42 bits of milliseconds: good until the year 2109
const RANDOM_CHARS = ID_RANDOM_LENGTH - TIME_CHARS;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  for (let i = TIME_CHARS - 1; i >= 0; i--) out += ALPHABET[Math.floor(ms / 64 ** i) % 64];
  return out;
}

/** The random part; within one millisecond the previous one plus one, so ids made in order sort in order. */
function nextRandom(now: number): number[] {
  if (now === lastTime) {
    const next = [...lastRandom];
    for (let i = next.length - 1; i >= 0; i--) {
      next[i] = ((next[i] ?? 0) + 1) % 64;
      if (next[i] !== 0) break;
    }
    return next;
  }
  return Array.from({ length: RANDOM_CHARS }, () => randomInt(64));
}

/** The smallest id of `kind` made at `ms`: ids made at or after that moment sort after it (a range cursor). */
export const idAt = (kind: IdKind, ms: number): string => idPrefixes[kind] + encodeTime(ms);

/**
 * A new opaque id: the kind's prefix + 24 url-safe characters — 7 encode the creation time, 17 are random
 * (102 bits). Ids of one kind therefore sort newest-last, which cursor pagination relies on.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  const time = Math.max(now, lastTime);
  lastRandom = nextRandom(time);
  lastTime = time;
  return idPrefixes[kind] + encodeTime(time) + lastRandom.map((digit) => ALPHABET[digit]).join('');
}

/**
 * An id derived from `seed` rather than random: the same seed and moment always give the same id (an activity retried,
 * a step replayed), while it still sorts by `ms` among ids of its kind.
 */
export function derivedId(kind: IdKind, ms: number, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  const chars = Array.from({ length: RANDOM_CHARS }, (_, index) => ALPHABET[(digest[index] ?? 0) % 64]).join('');
  return idPrefixes[kind] + encodeTime(ms) + chars;
}
