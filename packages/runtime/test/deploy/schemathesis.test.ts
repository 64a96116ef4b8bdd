import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runSchemathesis,
  SCHEMATHESIS_VERSION,
  schemathesisBin,
  schemathesisVersion,
  seedFuzzTargets,
  writeConfigWithTargets,
} from '../../../../scripts/lib/schemathesis.mjs';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// A fixed seed: the same test cases every run, so a failure reproduces. More examples: bench/fuzz.ts.
const SEED = 20261205;
const MAX_EXAMPLES = 25;

/**
 * Schemathesis over /openapi.json, every check and every phase (stateful included): whatever the document allows
 * must be accepted, whatever it forbids refused, and every answer must be one the document lists, in its shape.
 * Its own api and worker on the test servers, a database of its own and a rate limit it never reaches: the fuzzer
 * archives and changes whatever it can list, which must not be another test's data.
 */
describe('the API under Schemathesis', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let url: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'casework-schemathesis-'));

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '10000000' });
    worker = await startInProcessWorker(t);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds no failure in any operation, on records of its own and made-up ones', { timeout: 900_000 }, async () => {
    expect(
      existsSync(schemathesisBin()),
      `Schemathesis is not installed at ${schemathesisBin()}; npm test installs it (schemathesis==${SCHEMATHESIS_VERSION} from PyPI).`,
    ).toBe(true);
    expect(schemathesisVersion()).toBe(SCHEMATHESIS_VERSION);

    const apiKey = String(t.env.CASEWORK_API_KEY);
    const targets = await seedFuzzTargets({ url, apiKey });
    const configFile = writeConfigWithTargets(targets, path.join(dir, 'schemathesis.toml'));
    const run = await runSchemathesis({ url, apiKey, seed: SEED, maxExamples: MAX_EXAMPLES, configFile });

    console.log(
      `Schemathesis: ${run.testCases} test cases over ${run.operations} operations, ` +
        `${run.scenarios} stateful scenarios, in ${run.seconds.toFixed(0)} s`,
    );
    expect(run.exitCode, `${run.command}\n\n${run.output}`).toBe(0);
    const spec = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, object> };
    const operations = Object.values(spec.paths).flatMap((methods) => Object.keys(methods));
    expect(run.operations).toBe(operations.length);
    expect(run.testCases).toBeGreaterThan(1_000);
  });
});
