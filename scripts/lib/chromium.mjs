// Finds the system Chromium the browser tests drive, installing Debian's package when we may.
// Browsers come from the distribution's package manager only: never downloaded any other way.
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** How the browser tests and the editor bench launch it: headless, software-rendered, quiet (no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT = 'Install it with: sudo apt-get install chromium';

/**
 * Returns the path of the Chromium executable, installing it with apt-get first when it is missing
 * and we run as root. Otherwise fails with a message saying how to install it.
 *
 * @param {{ log?: (line: string) => void }} [options] receives progress and apt-get's output, line by line
 * @returns {Promise<string>}
 */
export async function ensureChromium({ log = () => {} } = {}) {
  if (await isExecutable(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is needed for the browser tests but ${CHROMIUM_PATH} is missing. ${INSTALL_HINT}`);
  }
  if (!(await isExecutable('/usr/bin/apt-get'))) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH} and apt-get is unavailable. ${INSTALL_HINT} (or your distribution's equivalent).`,
    );
  }
  log(`Chromium is missing at ${CHROMIUM_PATH}; installing Debian's chromium package with apt-get.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, log });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, log });
  if (!(await isExecutable(CHROMIUM_PATH))) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing. ${INSTALL_HINT}`);
  }
  return CHROMIUM_PATH;
}

/** @param {string} path */
async function isExecutable(path) {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a command, passing its stdout and stderr to `log` one line at a time.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, log: (line: string) => void }} options
 * @returns {Promise<void>}
 */
function run(command, args, { env, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const flushers = [child.stdout, child.stderr].map((stream) => forwardLines(stream, log));
    child.on('error', (error) => reject(new Error(`Could not run ${command}: ${error.message}. ${INSTALL_HINT}`)));
    child.on('close', (code, signal) => {
      for (const flush of flushers) flush();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}). ${INSTALL_HINT}`));
    });
  });
}

/**
 * @param {NodeJS.ReadableStream} stream
 * @param {(line: string) => void} log
 * @returns {() => void} emits whatever partial line is left
 */
function forwardLines(stream, log) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') log(line);
  });
  return () => {
    if (pending.trim() !== '') log(pending);
    pending = '';
  };
}
