// CPU time of the local stack's processes, read from Linux's /proc: a steadier yardstick than throughput on a shared
// machine, whose speed drifts from one minute to the next while the work a run costs does not.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The services of `npm start`'s stack, told apart by their command lines (scripts/lib/services.mjs). */
const services = {
  Temporal: (args: string[]) => args.includes('start-dev') && args.includes('server'),
  store: (args: string[]) => args.includes('dev.casework.mongoserver.Main'),
  worker: (args: string[]) => args.includes('src/worker.ts'),
  api: (args: string[]) => args.includes('src/server.ts'),
} as const;
export type StackService = keyof typeof services;
export const stackServices = Object.keys(services) as StackService[];

export type CpuSnapshot = Map<StackService, number>;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

/** ms of CPU (user + system) each service's processes have used so far; services not running here are absent. */
export function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return snapshot; // not Linux
  }
  for (const pid of pids) {
    const args = read(`/proc/${pid}/cmdline`)?.split('\0');
    if (!args) continue;
    const service = stackServices.find((name) => services[name](args));
    if (!service) continue;
    // Fields after the command name, which sits in parentheses and may hold spaces: utime and stime are 14 and 15.
    const stat = read(`/proc/${pid}/stat`);
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!fields) continue;
    const ticks = Number(fields[11]) + Number(fields[12]);
    snapshot.set(service, (snapshot.get(service) ?? 0) + (ticks * 1000) / ticksPerSecond);
  }
  return snapshot;
}

/** CPU ms per unit of work (`count`) each service used between two snapshots; NaN where a service was missing. */
export function cpuPer(before: CpuSnapshot, after: CpuSnapshot, count: number): Record<StackService, number> {
  const per = {} as Record<StackService, number>;
  for (const service of stackServices) {
    const start = before.get(service);
    const end = after.get(service);
    // A service that restarted in between (its new process started from zero) has no figure either.
    const used = start === undefined || end === undefined || end < start ? Number.NaN : end - start;
    per[service] = count === 0 ? Number.NaN : used / count;
  }
  return per;
}
