/**
 * Keeps one service of the local stack running. `start()` starts it and resolves once it is ready, with `{ proc }`
 * (see processes.mjs). When the process exits without being asked to, the supervisor logs why and starts it again
 * after a backoff (1 s, doubling up to 30 s); a restart that fails counts as another crash. After more than
 * `maxCrashes` crashes within `windowMs` it stops trying and calls `onGiveUp` with the reason.
 *
 * @param {{ name: string, start: () => Promise<any>, log: { info(line: string): void, warn(line: string): void },
 *   onGiveUp?: (reason: string) => void, maxCrashes?: number, windowMs?: number }} options
 */
export async function supervise({ name, start, log, onGiveUp, maxCrashes = 5, windowMs = 60_000 }) {
  let current = await start();
  let stopped = false;
  let timer = null;
  const crashes = [];

  const crashed = (how) => {
    if (stopped) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0] < now - windowMs) crashes.shift();
    if (crashes.length > maxCrashes) {
      stopped = true;
      onGiveUp?.(`${name} crashed ${crashes.length} times within ${windowMs / 1000} s (last: ${how}); giving up`);
      return;
    }
    const delayMs = Math.min(30_000, 1_000 * 2 ** (crashes.length - 1));
    log.warn(`${name} exited unexpectedly (${how}); restarting it in ${delayMs / 1000} s`);
    timer = setTimeout(() => void restart(), delayMs);
  };

  const restart = async () => {
    timer = null;
    if (stopped) return;
    try {
      current = await start();
    } catch (error) {
      crashed(`it failed to restart: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      return;
    }
    if (stopped) {
      await current.proc.stop();
      return;
    }
    log.info(`${name} is running again`);
    watch(current);
  };

  const watch = (handle) => {
    void handle.proc.exited.then(({ code, signal }) => {
      if (!handle.proc.stopping) crashed(signal ?? `exit ${code}`);
    });
  };
  watch(current);

  return {
    name,
    /** The running process's handle (a new one after each restart). */
    get current() {
      return current;
    },
    /** How many times it crashed in the current window. */
    get recentCrashes() {
      return crashes.length;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.proc.stop();
    },
  };
}
