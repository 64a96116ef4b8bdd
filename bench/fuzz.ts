// The longer fuzz run: Schemathesis over a stack of its own, as packages/runtime/test/deploy/schemathesis.test.ts
// does in the suite but with many more examples per operation. See `--help`; `--write` puts the figures into
// docs/fuzzing.md.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateApiKey } from '../scripts/lib/api-key.mjs';
import { firstAdmin } from '../scripts/lib/first-admin.mjs';
import { createLog } from '../scripts/lib/log.mjs';
import { freePort } from '../scripts/lib/ports.mjs';
import {
  ensureSchemathesis,
  runSchemathesis,
  SCHEMATHESIS_VERSION,
  seedFuzzTargets,
  writeConfigWithTargets,
} from '../scripts/lib/schemathesis.mjs';
import { startStack } from '../scripts/lib/stack.mjs';
import { markdownTable, wrap, writeResults, reportedArgs } from './lib/benchmarks-doc.ts';
import { machineFacts } from './lib/machine-facts.ts';
import { runBench } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/fuzz.ts [options]

Starts a stack of its own (throwaway data, free ports, a rate limit it never reaches, as npm start does otherwise),
makes a few records of each kind from the OpenAPI document's examples, and runs Schemathesis ${SCHEMATHESIS_VERSION}
(installed into .tools/venv when missing) over every operation of /openapi.json: every check, every phase
(examples, coverage, fuzzing, stateful), a fixed seed. Exits 1 when it finds a failure; its report says which.

  --max-examples N   test cases per operation and phase (default 200; the suite runs 25)
  --seed N           Schemathesis' seed (default 20261205, the suite's)
  --workers N        concurrent Schemathesis workers (default 1, as in the suite: see scripts/lib/schemathesis.mjs)
  --write            write the figures into docs/fuzzing.md
  -h, --help         this text`;

const repoRoot = path.resolve(import.meta.dirname, '..');

function options() {
  const { values } = parseArgs({
    options: {
      'max-examples': { type: 'string', default: '200' },
      seed: { type: 'string', default: '20261205' },
      workers: { type: 'string', default: '1' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (name: string, value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number ≥ 1, not ${value}`);
    return parsed;
  };
  return {
    help: values.help,
    maxExamples: count('max-examples', values['max-examples']),
    seed: count('seed', values.seed),
    workers: count('workers', values.workers),
    write: values.write,
  };
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  const facts = machineFacts(repoRoot);
  const log = createLog('fuzz');
  await ensureSchemathesis(log);
  process.env.RATE_LIMIT_MAX = '100000000';
  process.env.LOG_LEVEL = 'warn';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-fuzz-'));
  const apiKey = generateApiKey();
  const stack = await startStack({
    log,
    dataDir,
    apiKey,
    admin: firstAdmin({}),
    editorDir: null,
    onGiveUp: (reason: string) => log.error(reason),
    headless: true,
    echo: false,
    ports: { api: 0, temporal: await freePort(), temporalUi: 0, mongo: 0 },
    // As npm start has one (generated into its data dir): without it the secrets routes answer 503.
    secretsKey: randomBytes(32).toString('hex'),
  });
  try {
    const targets = await seedFuzzTargets({ url: stack.apiUrl, apiKey });
    const configFile = writeConfigWithTargets(targets, path.join(dataDir, 'schemathesis.toml'));
    log.info(`Schemathesis: ${opts.maxExamples} examples per operation, seed ${opts.seed} (takes a while)`);
    const run = await runSchemathesis({ url: stack.apiUrl, apiKey, configFile, ...opts });
    console.log(run.output);
    if (run.operations === null) {
      log.error(`Schemathesis did not finish its run (exit ${run.exitCode}): see its output above`);
      return 1;
    }
    const table = markdownTable(
      ['operations', 'test cases', 'stateful scenarios', 'API links covered', 'failures', 'errors', 'duration'],
      [
        [
          String(run.operations),
          String(run.testCases),
          String(run.scenarios),
          String(run.linksCovered),
          String(run.failures),
          String(run.errors),
          `${(run.seconds / 60).toFixed(1)} min`,
        ],
      ],
    );
    console.log(`\n${table}\n`);
    if (run.exitCode !== 0) log.error(`Schemathesis found failures (exit ${run.exitCode}): see its report above`);
    if (opts.write) {
      const args = reportedArgs();
      const report = [
        wrap(
          `Measured ${facts.date} with \`node_modules/.bin/tsx bench/fuzz.ts${args ? ` ${args}` : ''}\` on ` +
            `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, ` +
            `commit ${facts.commit}, Schemathesis ${SCHEMATHESIS_VERSION}. The command it ran: ` +
            `\`${run.command.replace(configFile, '<config with the seeded records>')}\`.`,
        ),
        table,
      ].join('\n\n');
      const file = path.join(repoRoot, 'docs', 'fuzzing.md');
      writeResults(file, 'The longer run', report, ({ start, end }) => `${start}\n\n${end}\n`);
      console.log(`wrote ${path.relative(repoRoot, file)}`);
    }
    return run.exitCode === 0 ? 0 : 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench(main);
