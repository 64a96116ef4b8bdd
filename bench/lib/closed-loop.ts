import { summarize, type LatencySummary } from './latency-stats.ts';

export interface ClosedLoopOptions {
  clients: number;
  /** Clients start no new request after this many ms; requests under way finish. */
  durationMs: number;
  /** An upper bound on the requests of the level, whatever the duration. */
  maxRequests: number;
  /** One request: resolves when it completed as expected, throws when it did not. */
  request: (index: number) => Promise<void>;
}

export interface ClosedLoopResult {
  clients: number;
  started: number;
  completed: number;
  errors: number;
  errorSamples: string[];
  /** ms from sending a request until it completed, of the completed ones. */
  latency: LatencySummary;
  /** Completed requests per second, from the start of the level to the last completion. */
  perSecond: number;
  wallSeconds: number;
}

/** `clients` clients each send one request, wait for its answer and send the next, for `durationMs`. */
export async function closedLoop({
  clients,
  durationMs,
  maxRequests,
  request,
}: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let lastCompletion = 0;
  const levelStart = performance.now();
  const starting = () => next < maxRequests && performance.now() - levelStart < durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (starting()) {
        const index = next++;
        const start = performance.now();
        try {
          await request(index);
          const end = performance.now();
          latencies.push(end - start);
          lastCompletion = Math.max(lastCompletion, end - levelStart);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return {
    clients,
    started: next,
    completed: latencies.length,
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
    latency: summarize(latencies),
    perSecond: latencies.length > 0 ? latencies.length / (lastCompletion / 1000) : 0,
    wallSeconds: (performance.now() - levelStart) / 1000,
  };
}
