import type { Env } from '../../src/config/env.ts';
import { startWorker } from '../../../../scripts/lib/services.mjs';

/** The real worker entry point (`src/worker.ts`) as a separate OS process, as `npm start` runs it. */
export async function startWorkerProcess(env: Env) {
  // Back to the strings the configuration was parsed from (the secrets key is bytes by now; the allowlist knows its
  // text).
  const asStrings = Object.fromEntries(
    Object.entries(env).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, Buffer.isBuffer(value) ? value.toString('hex') : String(value)]],
    ),
  );
  const { proc } = await startWorker({ env: asStrings, echo: false });
  return {
    /** Whether the process is still running (it never exited or crashed since it started). */
    alive: () => proc.child.exitCode === null && proc.child.signalCode === null,
    /** Kills the process the hard way (no graceful shutdown), like a crash or an OOM kill. */
    async kill() {
      proc.child.kill('SIGKILL');
      await proc.exited;
    },
    stop: () => proc.stop(),
  };
}
