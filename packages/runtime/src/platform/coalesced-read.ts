/**
 * Runs an expensive read (a scan) one at a time, for any number of callers. A caller arriving while a read runs
 * waits for the next one, which starts after that read ends, so every caller sees what was written before it asked;
 * and reads start at least `minGapMs` after the previous one ended, so a crowd of callers keeps the store busy for
 * at most one read per gap (on the embedded store a scan holds the collection's lock, stalling writes).
 */
export function coalescedRead<T>(read: () => Promise<T>, { minGapMs = 0 } = {}): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  let endedAt = Number.NEGATIVE_INFINITY;
  const start = () => {
    running = read().finally(() => {
      running = null;
      endedAt = performance.now();
    });
    return running;
  };
  return () => {
    if (!running && !next && performance.now() - endedAt >= minGapMs) return start();
    next ??= (running ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const wait = minGapMs - (performance.now() - endedAt);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next = null;
        return start();
      });
    return next;
  };
}
