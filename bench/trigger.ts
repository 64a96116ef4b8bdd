// Trigger → case persisted: how fast the canonical review workflow turns API triggers into cases, against a
// running stack. See `--help`; results go to docs/benchmarks.md with `--write`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { ms } from './lib/latency-stats.ts';
import { runBench, stackBenchContext } from './lib/stack-bench.ts';
import { cpuPer, cpuSnapshot, stackServices, type StackService } from './lib/process-cpu.ts';
import { setUpReviewWorkflow } from './lib/review-workflow-setup.ts';
import { cancelRuns, caseReadMs, runLevel, type LevelResult } from './lib/trigger-level.ts';

const usage = `Usage: node_modules/.bin/tsx bench/trigger.ts [options]

Against a running stack (CASEWORK_URL, default http://localhost:3000; CASEWORK_API_KEY, default the key in
\${CASEWORK_DATA_DIR:-.data}/api-key): sets up the canonical review workflow (examples/review-workflow) once, then
for each concurrency level lets that many clients trigger runs in a closed loop, each polling its run until the
run's case-ids is non-empty (the case is persisted), and follows every run until it waits on wait-resolved.
On Linux it also reads the CPU time the stack's processes (Temporal, store, worker, api) used per run of a level.
The stack's rate limit must allow the load: start it with
RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start (short windows keep counting cheap on the local store).

  --clients LIST    concurrency levels, comma-separated (default 1,10,50)
  --runs N[,N…]     runs per level, one number for every level or one per level (default 50)
  --warmup N        runs at concurrency 1 before measuring, not reported (default 10)
  --poll-ms N[,N…]  pause between polls of one run, for every level or per level (default 100)
  --timeout-ms N    a run that takes longer counts as an error (default 120000)
  --prefer-wait     trigger with Prefer: wait=30, which answers once the run has settled (its case made, waiting
                    on the decision), and poll only when the answer does not show that yet
  --keep-runs       leave the runs waiting (by default each level's runs are canceled afterwards, untimed)
  --stack TEXT      how the stack was started, for the report (default: npm start's local stack)
  --write           write the results into docs/benchmarks.md (section "Trigger → case persisted")
  -h, --help        this text`;

const heading = 'Trigger → case persisted';
const defaultStack =
  '`RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start` on the same machine: the Temporal CLI dev ' +
  'server (SQLite) and mongo-java-server 1.47 on H2, one api and one worker process';

const repoRoot = path.resolve(import.meta.dirname, '..');

function options() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1,10,50' },
      runs: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '10' },
      'poll-ms': { type: 'string', default: '100' },
      'timeout-ms': { type: 'string', default: '120000' },
      'keep-runs': { type: 'boolean', default: false },
      'prefer-wait': { type: 'boolean', default: false },
      stack: { type: 'string', default: defaultStack },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (name: string, value: string, min: number) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new Error(`--${name} must be an integer ≥ ${min}, not ${value}`);
    return parsed;
  };
  const list = (name: string, value: string, min: number) =>
    value.split(',').map((item) => count(name, item.trim(), min));
  const clients = list('clients', values.clients, 1);
  // One value for every level, or one per level.
  const perLevel = (name: string, value: string, min: number) => {
    const values = list(name, value, min);
    if (values.length !== 1 && values.length !== clients.length) {
      throw new Error(`give --${name} once, or once per --clients level`);
    }
    return (index: number) => values[index] ?? values[0] ?? min;
  };
  const runs = perLevel('runs', values.runs, 1);
  const pollMs = perLevel('poll-ms', values['poll-ms'], 1);
  return {
    help: values.help,
    levels: clients.map((level, index) => ({ clients: level, runs: runs(index), pollMs: pollMs(index) })),
    warmup: count('warmup', values.warmup, 0),
    timeoutMs: count('timeout-ms', values['timeout-ms'], 1000),
    keepRuns: values['keep-runs'],
    preferWait: values['prefer-wait'],
    stack: values.stack,
    write: values.write,
  };
}

const tableHeader = [
  'clients',
  'runs',
  'poll',
  'errors',
  'trigger p50',
  'persisted p50',
  'p99',
  'max',
  'cases/s',
  'waiting p50',
  'p99',
  'max',
  'case step p50',
  'p99',
  'req/s',
  'GET case',
  ...stackServices,
  'CPU/run',
];
type Row = LevelResult & { pollMs: number; caseReadMs: number; cpuPerRun: Record<StackService, number> };
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const tableRow = (result: Row) => [
  String(result.clients),
  String(result.runs),
  String(result.pollMs),
  String(result.errors),
  ms(result.trigger.p50),
  ms(result.persisted.p50),
  ms(result.persisted.p99),
  ms(result.persisted.max),
  result.casesPerSecond.toFixed(1),
  ms(result.waiting.p50),
  ms(result.waiting.p99),
  ms(result.waiting.max),
  ms(result.caseStep.p50),
  ms(result.caseStep.p99),
  (result.requests / result.wallSeconds).toFixed(0),
  ms(result.caseReadMs),
  ...stackServices.map((service) => ms(result.cpuPerRun[service])),
  ms(sum(Object.values(result.cpuPerRun))),
];

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  const { facts, client, api } = stackBenchContext(repoRoot);
  const workflow = await setUpReviewWorkflow(api, repoRoot);
  console.log(
    `${client.baseUrl}: workflow ${workflow.workflowId} v${workflow.versionNumber} (template ${workflow.templateKey})`,
  );
  // Every run costs a trigger, a poll every --poll-ms until it waits (about a second at rest) and a cancel.
  const estimate = opts.levels.reduce((sum, { runs }) => sum + runs, opts.warmup) * 40;
  if (workflow.rateLimit !== null && workflow.rateLimit < estimate) {
    console.error(
      `The api allows ${workflow.rateLimit} requests per window per API key; this bench sends about ${estimate}.\n` +
        'Restart the stack with RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start (or lower --runs).',
    );
    return 1;
  }

  const keyPrefix = Date.now().toString(36);
  const level = (clients: number, runs: number, pollMs: number, prefix: string) =>
    runLevel(api, {
      workflowId: workflow.workflowId,
      clients,
      runs,
      pollMs,
      timeoutMs: opts.timeoutMs,
      keyPrefix: prefix,
      preferWait: opts.preferWait,
      caseStepIds: workflow.caseStepIds,
    });
  if (opts.warmup > 0) {
    const warm = await level(1, opts.warmup, opts.levels[0]?.pollMs ?? 100, `${keyPrefix}w`);
    if (!opts.keepRuns) await cancelRuns(api, warm.runIds);
    console.log(`warm-up: ${warm.runs} runs, persisted p50 ${ms(warm.persisted.p50)} ms, ${warm.errors} errors`);
  }

  const results: Row[] = [];
  for (const [index, { clients, runs, pollMs }] of opts.levels.entries()) {
    // One prefix per level: two levels with as many clients must not share Idempotency-Keys (and so runs).
    const before = cpuSnapshot();
    const result = await level(clients, runs, pollMs, `${keyPrefix}l${index}`);
    const cpuPerRun = cpuPer(before, cpuSnapshot(), result.runs);
    if (!opts.keepRuns) await cancelRuns(api, result.runIds);
    // After the level, at rest: what one case read costs now that the level's cases are stored.
    const caseRead = result.firstCaseId === null ? Number.NaN : await caseReadMs(api, result.firstCaseId);
    results.push({ ...result, pollMs, caseReadMs: caseRead, cpuPerRun });
    console.log(
      `${clients} client(s): ${result.runs} runs in ${result.wallSeconds.toFixed(1)} s, ` +
        `persisted p50 ${ms(result.persisted.p50)} ms, ${result.casesPerSecond.toFixed(1)} cases/s, ` +
        `${result.errors} errors; GET /cases/{id} then ${ms(caseRead)} ms; CPU ms per run: ` +
        stackServices.map((service) => `${service} ${ms(cpuPerRun[service])}`).join(', '),
    );
    for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
  }

  const table = markdownTable(tableHeader, results.map(tableRow));
  console.log(`\nlatencies in ms after the trigger request was sent\n\n${table}\n`);
  if (!opts.write) return results.some((result) => result.errors > 0) ? 1 : 0;

  const args = reportedArgs();
  const report = [
    wrap(
      `Measured ${facts.date} with \`node_modules/.bin/tsx bench/trigger.ts${args ? ` ${args}` : ''}\` on ` +
        `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, ` +
        `commit ${facts.commit}; 1-minute load average ${facts.load} before the bench started. ` +
        `Stack: ${opts.stack}. ${opts.warmup} warm-up runs first.` +
        (opts.preferWait ? ' Triggers sent `Prefer: wait=30`; runs polled only when the answer had no case.' : ''),
    ),
    wrap(
      'Latencies in ms after the trigger request was sent; _poll_: ms between two polls of one run (the ' +
        'latencies are that coarse); _case step_: each case step of a run (creating the case, attaching the ' +
        'report, starting the review) as the run view times it, from its started-at to its completed-at; _req/s_: the requests the bench sent (triggers and polls); _GET case_: the ' +
        'median `GET /cases/{id}` (ms) right after the level; _Temporal_ … _api_: CPU ms (user + system) each ' +
        "service's processes used per run during the level, read from /proc (every process of that kind on the " +
        'machine, so run the bench alone), and _CPU/run_ their sum.',
    ),
    table,
  ].join('\n\n');
  writeBenchmarkSection(
    repoRoot,
    heading,
    report,
    `What an integration sees: \`POST /workflows/{id}/trigger\` on the canonical review workflow ` +
      `(examples/review-workflow), then \`GET /workflow-runs/{id}\` until the run's \`case-ids\` is non-empty. ` +
      `_trigger_ is the trigger request alone, _persisted_ until the case shows on the run, _waiting_ until the ` +
      'run waits on `wait-resolved` (case created, report attached, fields updated); _cases/s_ counts persisted ' +
      `cases from the first trigger to the last case of the level.`,
  );
  return results.some((result) => result.errors > 0) ? 1 : 0;
}

runBench(main);
