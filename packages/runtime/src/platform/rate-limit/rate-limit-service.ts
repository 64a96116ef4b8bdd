import type { RateLimitRepository } from './rate-limit-repository.ts';
import type { Clock } from '../clock.ts';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  windowSeconds: number;
  /** Seconds until the current window ends and the count starts again. */
  resetSeconds: number;
}

/** A reservation takes at most this share of what is left of a key's window, and at most MAX_BATCH positions. */
const BATCH_SHARE = 64;
const MAX_BATCH = 100;

/** What this process holds of a key's current window. */
interface Held {
  /** The position of the last request this process let through (1 for a window's first request). */
  position: number;
  /** Reserved positions after `position` that this process may still hand out. */
  available: number;
  /** The window's last position is taken: refuse without asking the store. */
  spent: boolean;
}

/**
 * Fixed-window rate limiting per API key: windows are aligned to the epoch, so every api replica counts into the
 * same store document for a key and window (docs/architecture.md, "HTTP API conventions").
 *
 * A request does not cost a store write each. A process reserves a batch of positions in the window with one `$inc`
 * and hands them out itself, one reservation per key at a time. A batch is at most 1/BATCH_SHARE of what is left of
 * the window (and at most MAX_BATCH): far from the limit one write serves up to a hundred requests, near it every
 * request reserves its own position, and a window never lets more than the limit through. Positions a process
 * reserved and did not use (it stopped, or the window ended) count as used, so replicas may refuse slightly early,
 * never late.
 */
export function createRateLimitService(deps: {
  counters: RateLimitRepository;
  clock: Clock;
  max: number;
  windowSeconds: number;
}) {
  const windowMs = deps.windowSeconds * 1000;
  let purgedBefore = 0;
  /** The current window's positions per key, and the reservations in flight; both replaced when it moves on. */
  let held = new Map<string, Held>();
  let reserving = new Map<string, Promise<unknown>>();

  const batchAfter = (position: number) =>
    Math.min(MAX_BATCH, Math.max(1, Math.floor((deps.max - position) / BATCH_SHARE)));

  /** This request's position in the window (1-based), or 0 when the window is spent. */
  async function nextPosition(apiKeyId: string, windowStart: Date): Promise<number> {
    const [window, inFlight] = [held, reserving];
    for (;;) {
      const mine = window.get(apiKeyId);
      if (mine?.spent) return 0;
      if (mine && mine.available > 0) {
        mine.available--;
        return ++mine.position;
      }
      const pending = inFlight.get(apiKeyId);
      if (!pending) break;
      await pending.catch(() => undefined);
    }
    const size = batchAfter(window.get(apiKeyId)?.position ?? 0);
    const reservation = deps.counters.take(apiKeyId, windowStart, size);
    inFlight.set(apiKeyId, reservation);
    try {
      const last = await reservation;
      const first = last - size + 1;
      const granted = Math.max(0, Math.min(size, deps.max - first + 1));
      window.set(apiKeyId, { position: first, available: Math.max(0, granted - 1), spent: granted === 0 });
      return granted === 0 ? 0 : first;
    } finally {
      inFlight.delete(apiKeyId);
    }
  }

  return {
    /** Counts one request of `apiKeyId` and decides whether it may go on. */
    async consume(apiKeyId: string): Promise<RateLimitDecision> {
      const now = deps.clock().getTime();
      const windowStart = Math.floor(now / windowMs) * windowMs;
      if (windowStart > purgedBefore) {
        // Once per window per process: earlier windows of every key are over.
        purgedBefore = windowStart;
        held = new Map();
        reserving = new Map();
        await deps.counters.deleteBefore(new Date(windowStart));
      }
      const position = await nextPosition(apiKeyId, new Date(windowStart));
      return {
        allowed: position > 0,
        limit: deps.max,
        remaining: position > 0 ? Math.max(0, deps.max - position) : 0,
        windowSeconds: deps.windowSeconds,
        resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
      };
    },
  };
}

export type RateLimitService = ReturnType<typeof createRateLimitService>;
