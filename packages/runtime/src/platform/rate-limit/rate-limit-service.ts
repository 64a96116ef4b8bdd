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

/**
 * Fixed-window rate limiting per API key: windows are aligned to the epoch, so every api replica counts
 * into the same MongoDB document for a key and window.
 */
export function createRateLimitService(deps: {
  counters: RateLimitRepository;
  clock: Clock;
  max: number;
  windowSeconds: number;
}) {
  const windowMs = deps.windowSeconds * 1000;
  let purgedBefore = 0;

  return {
    /** Counts one request of `apiKeyId` and decides whether it may go on. */
    async consume(apiKeyId: string): Promise<RateLimitDecision> {
      const now = deps.clock().getTime();
      const windowStart = Math.floor(now / windowMs) * windowMs;
      if (windowStart > purgedBefore) {
        // Once per window per process: earlier windows of every key are over.
        purgedBefore = windowStart;
        await deps.counters.deleteBefore(new Date(windowStart));
      }
      const count = await deps.counters.take(apiKeyId, new Date(windowStart));
      return {
        allowed: count <= deps.max,
        limit: deps.max,
        remaining: Math.max(0, deps.max - count),
        windowSeconds: deps.windowSeconds,
        resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
      };
    },
  };
}

export type RateLimitService = ReturnType<typeof createRateLimitService>;
