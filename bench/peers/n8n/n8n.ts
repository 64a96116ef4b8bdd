// n8n as a peer for bench/peers.ts: installed into a scratch folder, the workflow and credentials of this folder
// imported into a fresh user folder, started on a free loopback port and stopped (its whole process group) again.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../../scripts/lib/ports.mjs';

/** n8n's expression engines: `vm` (the default: an isolated-vm sandbox) and `legacy` (in-process). */
export type ExpressionEngine = 'vm' | 'legacy';

export interface N8nInstance {
  engine: ExpressionEngine;
  version: string;
  /** The production URL of the workflow's Webhook node (POST JSON). */
  webhookUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

const peerDir = import.meta.dirname;
const workflowFile = path.join(peerDir, 'workflow.json');
const workflow = JSON.parse(readFileSync(workflowFile, 'utf8')) as {
  id: string;
  nodes: { type: string; parameters: { path?: string } }[];
};
const webhookPath = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook')?.parameters.path;

/** Where n8n is installed and run: `.bench/n8n` (git-ignored). */
export const n8nScratchDir = (repoRoot: string) => path.join(repoRoot, '.bench', 'n8n');

const n8nBin = (dir: string) => path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');

/** Runs a command to its end; rejects with its output's tail when it fails. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean }) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.echo ? 'inherit' : 'pipe', options.echo ? 'inherit' : 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Installs the n8n of ./package.json (pinned, with its overrides) into the scratch folder unless that very
 * package.json is installed there already; resolves the installed n8n version.
 */
export async function ensureN8nInstalled(repoRoot: string, log: (line: string) => void): Promise<string> {
  const dir = n8nScratchDir(repoRoot);
  const manifest = readFileSync(path.join(peerDir, 'package.json'), 'utf8');
  const marker = path.join(dir, '.installed-package.json');
  const installed = existsSync(marker) && readFileSync(marker, 'utf8') === manifest && existsSync(n8nBin(dir));
  if (!installed) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), manifest);
    rmSync(marker, { force: true });
    log(`installing n8n into ${path.relative(repoRoot, dir)} with npm (a few minutes the first time)`);
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, echo: true });
    writeFileSync(marker, manifest);
  }
  const pkg = JSON.parse(readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** credentials.json with its placeholders filled in. */
function credentials(mongodbUri: string, database: string): string {
  const template = readFileSync(path.join(peerDir, 'credentials.json'), 'utf8');
  const values: Record<string, string> = { $MONGODB_URI: mongodbUri, $MONGODB_DB: database };
  return JSON.stringify(
    JSON.parse(template, (_key, value: unknown) =>
      typeof value === 'string' && value in values ? values[value] : value,
    ),
    null,
    2,
  );
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '(no log)');

/**
 * A fresh n8n: a new user folder (SQLite database, settings) below the scratch folder, the MongoDB credentials
 * (pointing at `mongodbUri`, database `database`) and the workflow imported, the workflow activated, `n8n start`
 * on a free loopback port in its own process group, resolved once the webhook answers.
 */
export async function startN8n(options: {
  repoRoot: string;
  engine: ExpressionEngine;
  mongodbUri: string;
  database: string;
  log: (line: string) => void;
  startTimeoutMs?: number;
}): Promise<N8nInstance> {
  const { repoRoot, engine, log, startTimeoutMs = 120_000 } = options;
  if (!webhookPath) throw new Error(`${workflowFile} has no Webhook node with a path`);
  const dir = n8nScratchDir(repoRoot);
  const version = await ensureN8nInstalled(repoRoot, log);
  const userFolder = path.join(dir, `user-${engine}`);
  rmSync(userFolder, { recursive: true, force: true });
  mkdirSync(userFolder, { recursive: true });
  const port = Number(await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_EXPRESSION_ENGINE: engine,
    // Only here: the credentials are imported and read by the same user folder.
    N8N_ENCRYPTION_KEY: 'casework-bench-only',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    // No calls home from a bench (the machine may reach no more than the package registries).
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
  };
  const cli = async (args: string[], expect: RegExp) => {
    const output = await run(process.execPath, [n8nBin(dir), ...args], { cwd: dir, env });
    // n8n's commands log a failure and still exit 0.
    if (!expect.test(output)) throw new Error(`n8n ${args.join(' ')} did not succeed:\n${output.slice(-2000)}`);
  };
  const credentialsFile = path.join(userFolder, 'credentials.json');
  writeFileSync(credentialsFile, credentials(options.mongodbUri, options.database));
  log(`n8n ${version} (${engine} expressions): importing the credentials and the workflow`);
  await cli(['import:credentials', `--input=${credentialsFile}`], /Successfully imported 1 credential/);
  await cli(['import:workflow', `--input=${workflowFile}`], /Successfully imported 1 workflow/);
  await cli(['update:workflow', `--id=${workflow.id}`, '--active=true'], /Activating workflow/);

  const logFile = path.join(userFolder, 'n8n.log');
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [n8nBin(dir), 'start'], {
      cwd: dir,
      env,
      detached: true, // its own process group: stop() ends n8n and whatever it started
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const killGroup = (signal: NodeJS.Signals) => {
    if (!running || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Whatever ends the bench, n8n goes with it.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    killGroup('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!stopped) {
      killGroup('SIGKILL');
      await exited;
    }
    process.off('exit', onExit);
  };

  const webhookUrl = `http://127.0.0.1:${port}/webhook/${webhookPath}`;
  const deadline = performance.now() + startTimeoutMs;
  for (;;) {
    if (!running) throw new Error(`n8n exited while starting; ${logFile}:\n${tail(logFile)}`);
    try {
      // A low amount takes the IF node's other branch: nothing is stored.
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ 'inquiry-id': 'inq_probe', 'report-id': 'rep_probe', amount: 0 }),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`n8n's webhook did not answer within ${startTimeoutMs / 1000} s; ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(500);
  }
  log(`n8n ${version} (${engine} expressions) is up: ${webhookUrl}`);
  return { engine, version, webhookUrl, logFile, stop };
}

/**
 * One high-value inquiry sent to the webhook, as bench/lib/trigger-level.ts sends to Casework; resolves once n8n
 * answered with the stored case document (the Webhook node answers when the MongoDB insert has finished).
 */
export async function postInquiry(webhookUrl: string, id: string, timeoutMs: number): Promise<void> {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'inquiry-id': `inq_${id}`, 'report-id': `rep_${id}`, amount: 25_000 }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`n8n answered ${response.status}: ${text.slice(0, 300)}`);
  const stored = JSON.parse(text) as { id?: unknown; status?: unknown };
  if (typeof stored.id !== 'string' || stored.status !== 'open') {
    throw new Error(`n8n answered without a stored case: ${text.slice(0, 300)}`);
  }
}
