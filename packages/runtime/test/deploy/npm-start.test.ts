import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from '../../../../scripts/lib/ports.mjs';
import { eventually } from '../helpers/eventually.ts';
import { testServices } from '../helpers/services.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

interface Banner {
  editor: string;
  docs: string;
  temporalUi: string;
  apiKey: string;
  /** `<email> / <password>` on the start that created the first admin, else the email and a note. */
  signIn: string;
}

/** Runs `npm start`'s script as a newcomer would, on free ports and a data dir of its own. */
function launch(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const banner = eventually(
    async () => {
      const field = (label: string) => output.match(new RegExp(`^\\s+${label}\\s+(\\S+)`, 'm'))?.[1];
      const [editor, docs, temporalUi, apiKey] = ['Editor', 'API docs', 'Temporal UI', 'API key'].map(field);
      const signIn = output.match(/^\s+Sign in\s+(.+)$/m)?.[1];
      return editor && docs && temporalUi && apiKey && signIn
        ? ({ editor, docs, temporalUi, apiKey, signIn } as Banner)
        : undefined;
    },
    { timeoutMs: 240_000, intervalMs: 250, what: () => `npm start's banner; its output:\n${output}` },
  );
  return { child, exited, banner, output: () => output };
}

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-start-'));
  const running: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;
  let ports: { api: number; temporal: number; temporalUi: number; mongo: number };

  beforeAll(async () => {
    ports = {
      api: await freePort(),
      temporal: await freePort(),
      temporalUi: await freePort(),
      mongo: await freePort(),
    };
    // Its own services: drop whatever stack this test run itself uses.
    const {
      MONGODB_URI: _m,
      TEMPORAL_ADDRESS: _t,
      CASEWORK_API_KEY: _k,
      TEMPORAL_UI_URL: _u,
      CASEWORK_ADMIN_EMAIL: _e,
      CASEWORK_ADMIN_PASSWORD: _p,
      ...rest
    } = process.env;
    env = {
      ...rest,
      CASEWORK_DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      MONGO_PORT: String(ports.mongo),
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'brings up the stack, prints its URLs and key, stops on Ctrl-C, finds its data again, and restarts a crashed worker or api',
    { timeout: 420_000 },
    async () => {
      const first = launch(env);
      running.push(first.child);
      const banner = await first.banner;
      expect(banner.editor).toBe(`http://localhost:${ports.api}/`);
      expect(banner.docs).toBe(`http://localhost:${ports.api}/docs`);
      expect(banner.temporalUi).toBe(`http://localhost:${ports.temporalUi}`);
      expect(banner.apiKey).toBe(readFileSync(path.join(dataDir, 'api-key'), 'utf8').trim());

      // The first admin, printed once: its password signs in to the web app.
      const [, email, password] = /^(\S+) \/ (\S+)\s+\(shown once/.exec(banner.signIn) ?? [];
      expect(email).toBe('admin@casework.local');
      const signIn = await fetch(`${banner.editor}api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { attributes: { 'email-address': email, password } } }),
      });
      expect(signIn.status).toBe(201);
      expect(signIn.headers.get('set-cookie')).toMatch(/^casework_session=.+HttpOnly/i);

      expect((await fetch(`${banner.editor}healthz`)).status).toBe(200);
      expect((await fetch(`${banner.editor}readyz`)).status).toBe(200);
      const page = await fetch(banner.editor, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(banner.docs)).status).toBe(200);
      expect((await fetch(banner.temporalUi)).status).toBe(200);
      const attributes = execFileSync(testServices().temporalCli, [
        'operator',
        'search-attribute',
        'list',
        '--address',
        `127.0.0.1:${ports.temporal}`,
        '--output',
        'json',
      ]).toString();
      expect(JSON.parse(attributes).customAttributes).toMatchObject({
        CaseworkWorkflowId: 'INDEXED_VALUE_TYPE_KEYWORD',
        CaseworkVersionId: 'INDEXED_VALUE_TYPE_KEYWORD',
        CaseworkCaseIds: 'INDEXED_VALUE_TYPE_KEYWORD_LIST',
      });

      const auth = { authorization: `Bearer ${banner.apiKey}` };
      const created = await fetch(`${banner.editor}api/v1/system-checks`, { method: 'POST', headers: auth });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { id: string } };
      const checkUrl = `${banner.editor}api/v1/system-checks/${data.id}`;
      await eventually(
        async () => {
          const check = (await (await fetch(checkUrl, { headers: auth })).json()) as {
            data: { attributes: { status: string } };
          };
          return check.data.attributes.status === 'completed' ? true : undefined;
        },
        { what: 'the system check to complete' },
      );

      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      for (const port of Object.values(ports)) expect(await isListening(port), `port ${port} still open`).toBe(false);

      const second = launch(env);
      running.push(second.child);
      const secondBanner = await second.banner;
      expect(secondBanner.apiKey).toBe(banner.apiKey);
      expect(secondBanner.signIn).toMatch(/^admin@casework\.local +\(password shown when it was created/);
      expect(secondBanner.signIn).not.toContain(password);
      const again = await fetch(checkUrl, { headers: auth });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { data: { attributes: { status: string } } }).data.attributes.status).toBe(
        'completed',
      );

      // A crashed worker or api is restarted by npm start's supervisor, and the stack keeps working.
      const childPid = (script: string) =>
        Number(
          execFileSync('pgrep', ['-P', String(second.child.pid), '-f', script])
            .toString()
            .trim()
            .split('\n')[0],
        );
      for (const [name, script] of [
        ['the worker', 'src/worker.ts'],
        ['the api', 'src/server.ts'],
      ] as const) {
        const pid = childPid(script);
        process.kill(pid, 'SIGKILL');
        await eventually(async () => (second.output().includes(`${name} is running again`) ? true : undefined), {
          timeoutMs: 120_000,
          what: () => `${name} to come back; npm start's output:\n${second.output()}`,
        });
        expect(second.output()).toMatch(new RegExp(`${name} exited unexpectedly \\(SIGKILL\\); restarting it in 1 s`));
        expect(childPid(script)).not.toBe(pid);
      }
      expect(second.child.exitCode).toBeNull();
      const afterCrashes = await fetch(`${banner.editor}api/v1/system-checks`, { method: 'POST', headers: auth });
      expect(afterCrashes.status).toBe(201);
      const recheckUrl = `${banner.editor}api/v1/system-checks/${((await afterCrashes.json()) as { data: { id: string } }).data.id}`;
      await eventually(
        async () => {
          const check = (await (await fetch(recheckUrl, { headers: auth })).json()) as {
            data: { attributes: { status: string } };
          };
          return check.data.attributes.status === 'completed' ? true : undefined;
        },
        { timeoutMs: 60_000, what: 'a system check on the restarted worker to complete' },
      );

      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
  );
});
