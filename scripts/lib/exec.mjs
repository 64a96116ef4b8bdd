import { spawn, spawnSync } from 'node:child_process';

/** Runs a command to completion, streaming its output; rejects with the exit code on failure. */
export function run(command, args, { cwd, env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const error = new Error(
          `${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${quiet ? `\n${output}` : ''}`,
        );
        error.exitCode = code ?? 1;
        error.commandFailed = true;
        reject(error);
      }
    });
  });
}

/** Runs a command synchronously and returns trimmed stdout, or null when it cannot run. */
export function probe(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) return null;
  return (result.stdout || result.stderr).trim();
}

/** Finds an executable on PATH. */
export function which(command) {
  return probe('sh', ['-c', `command -v ${command}`]);
}
