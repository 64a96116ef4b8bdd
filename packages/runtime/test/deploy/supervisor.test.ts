import { describe, expect, it } from 'vitest';
import { startProcess } from '../../../../scripts/lib/processes.mjs';
import { supervise } from '../../../../scripts/lib/supervisor.mjs';

/** A service that is ready at once and exits with `code` after `lifeMs` (or lives until stopped). */
const service =
  (lifeMs: number | null, code = 3) =>
  async () => ({
    proc: startProcess(
      'fake',
      process.execPath,
      ['-e', lifeMs === null ? 'setInterval(() => {}, 1000)' : `setTimeout(() => process.exit(${code}), ${lifeMs})`],
      { echo: false },
    ),
  });

const quietLog = () => {
  const lines: string[] = [];
  return { lines, info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
};

// npm start's supervisor (scripts/lib/supervisor.mjs): what a user sees when a service of the stack crashes.
describe("npm start's supervisor", () => {
  it('restarts a crashed service after a backoff and says so', { timeout: 30_000 }, async () => {
    const log = quietLog();
    let starts = 0;
    const supervised = await supervise({
      name: 'the worker',
      log,
      // Crashes once, then runs.
      start: () => service(starts++ === 0 ? 200 : null)(),
    });
    const first = supervised.current.proc;
    await first.exited;
    await expect.poll(() => log.lines.join('\n'), { timeout: 10_000 }).toContain('the worker is running again');
    expect(log.lines[0]).toBe('the worker exited unexpectedly (exit 3); restarting it in 1 s');
    expect(supervised.current.proc).not.toBe(first);
    expect(supervised.current.proc.child.exitCode).toBeNull();
    await supervised.stop();
    expect(starts).toBe(2);
  });

  it('gives up, saying why, when the service keeps crashing', { timeout: 30_000 }, async () => {
    const log = quietLog();
    let reason: string | null = null;
    const supervised = await supervise({
      name: 'the api',
      log,
      start: service(100),
      maxCrashes: 2,
      windowMs: 60_000,
      onGiveUp: (why: string) => (reason = why),
    });
    await expect.poll(() => reason, { timeout: 20_000 }).not.toBeNull();
    expect(reason).toBe('the api crashed 3 times within 60 s (last: exit 3); giving up');
    expect(log.lines).toEqual([
      'the api exited unexpectedly (exit 3); restarting it in 1 s',
      'the api is running again',
      'the api exited unexpectedly (exit 3); restarting it in 2 s',
      'the api is running again',
    ]);
    await supervised.stop();
  });

  it('does not restart a service it was asked to stop', { timeout: 10_000 }, async () => {
    const log = quietLog();
    const supervised = await supervise({ name: 'the store', log, start: service(null) });
    await supervised.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(log.lines).toEqual([]);
  });
});
