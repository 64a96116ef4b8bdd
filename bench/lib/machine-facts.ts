import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  commit: string;
  /** The 1-minute load average: other work on the machine skews every number. */
  load: number;
}

function gitCommit(cwd: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

/** What a reader needs to weigh the numbers: the machine (`nproc`), Node, the date, the code. */
export function machineFacts(repoRoot: string): MachineFacts {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(repoRoot),
    load: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}
