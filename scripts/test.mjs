#!/usr/bin/env node
// `npm test`: lint, typecheck, then every test of every package against real servers — one Temporal dev
// server and one MongoDB-protocol store for the whole run (reused when TEMPORAL_ADDRESS / MONGODB_URI are set),
// plus the api and worker that the browser tests drive. Extra arguments go to vitest (e.g. a file filter).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiKey } from './lib/api-key.mjs';
import { firstAdmin } from './lib/first-admin.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureEditorBuild } from './lib/editor-build.mjs';
import { bold, green, red } from './lib/log.mjs';
import { main } from './lib/main.mjs';
import { freePort } from './lib/ports.mjs';
import { installWorkspace, pnpm } from './lib/pnpm.mjs';
import { checkNode } from './lib/prerequisites.mjs';
import { ensureSchemathesis } from './lib/schemathesis.mjs';
import { startStack } from './lib/stack.mjs';
import { ensureTemporalCli, ensureTemporalTestServer } from './lib/temporal-tools.mjs';

const vitestArgs = process.argv.slice(2);

function summarize(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests };
  } catch {
    return null;
  }
}

await main('test', async (log) => {
  const started = Date.now();
  checkNode();
  await installWorkspace(log);

  log.info('lint (eslint, prettier)');
  await pnpm(['exec', 'eslint', '.', '--max-warnings=0']);
  await pnpm(['exec', 'prettier', '--check', '--log-level=warn', '.']);
  log.info('typecheck (tsc, every package and bench/)');
  await pnpm(['-r', '--no-bail', 'run', 'typecheck']);
  await pnpm(['exec', 'tsc', '-p', 'bench']);

  await ensureTemporalCli(log);
  await ensureTemporalTestServer(log);
  await ensureSchemathesis(log); // the API fuzzer of packages/runtime/test/deploy/schemathesis.test.ts
  await ensureChromium({ log: (line) => log.info(line) });
  const editorDir = await ensureEditorBuild(log);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-test-stack-'));
  const apiKey = generateApiKey();
  const admin = firstAdmin({ CASEWORK_ADMIN_PASSWORD: generateApiKey() });
  log.info('starting the test stack (throwaway data, free ports)');
  const stack = await startStack({
    log,
    dataDir,
    apiKey,
    secretsKey: randomBytes(32).toString('hex'),
    // http.request steps of browser and API tests call servers the tests run on this machine.
    httpAllow: '127.0.0.1,[::1],localhost',
    admin,
    editorDir,
    echo: process.env.CASEWORK_TEST_ECHO === '1',
    // api and store ports are chosen when each starts (0), after the Temporal dev server took its random ports. Its
    // Web UI runs too: runs' temporal-ui-url points there (packages/editor/test/browser/scheduled-example.browser.test.ts
    // screenshots a run in it).
    ports: { api: 0, temporal: await freePort(), temporalUi: await freePort(), mongo: 0 },
  });

  const reportFile = path.join(dataDir, 'vitest-report.json');
  let exitCode = 1;
  try {
    log.info(`running every package's tests against ${stack.temporalAddress} and ${stack.mongodbUri}`);
    exitCode = await pnpm(
      [
        'exec',
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${reportFile}`,
        ...vitestArgs,
      ],
      {
        env: {
          ...process.env,
          MONGODB_URI: stack.mongodbUri,
          TEMPORAL_ADDRESS: stack.temporalAddress,
          CASEWORK_URL: stack.apiUrl,
          CASEWORK_API_KEY: apiKey,
          CASEWORK_ADMIN_EMAIL: admin.email,
          CASEWORK_ADMIN_PASSWORD: admin.password,
        },
      },
    ).then(
      () => 0,
      (error) => error.exitCode ?? 1,
    );
  } finally {
    await stack.stop();
    const summary = summarize(reportFile);
    rmSync(dataDir, { recursive: true, force: true });
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    if (summary) {
      const line = `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
      console.log(`\ntests: ${exitCode === 0 ? green(line) : red(line)}`);
    }
    console.log(bold(`npm test ${exitCode === 0 ? 'passed' : 'FAILED'} in ${minutes} min`));
  }
  return exitCode;
});
