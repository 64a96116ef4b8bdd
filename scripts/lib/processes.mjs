import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dim } from './log.mjs';

/**
 * A long-running child process with line-prefixed output, so one terminal can show every service.
 * `stop()` sends SIGTERM and escalates to SIGKILL after `graceMs`.
 */
export function startProcess(name, command, args, { env, cwd, echo = true, onLine } = {}) {
  const child = spawn(command, args, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = dim(`[${name}]`);
  const recent = [];
  let stopping = false;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      onLine?.(line);
      // Once asked to stop, a service's shutdown chatter (e.g. Temporal's poll errors) is noise.
      if (echo && !stopping) console.log(`${tag} ${line}`);
    });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (error) => console.error(`${tag} failed to start: ${error.message}`));
  return {
    name,
    child,
    exited,
    get stopping() {
      return stopping;
    },
    /** The last lines it printed, for error messages when it dies early. */
    recentOutput: () => recent.join('\n'),
    async stop(graceMs = 10_000) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Rejects if the process exits before `ready` settles, with its last output, so start-up failures are legible. */
export async function untilReady(proc, ready) {
  const died = proc.exited.then(({ code, signal }) => {
    throw new Error(`${proc.name} exited during start-up (${signal ?? `exit ${code}`}):\n${proc.recentOutput()}`);
  });
  return Promise.race([ready, died]);
}
