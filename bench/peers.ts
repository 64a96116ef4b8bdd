// Casework next to a peer: the same job (a webhook/API trigger, an amount check, a case document stored in the same
// MongoDB-protocol store) loaded on n8n and on Casework, one after the other. See `--help`; results go to
// docs/benchmarks.md with `--write`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isListening } from '../scripts/lib/ports.mjs';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { closedLoop, type ClosedLoopResult } from './lib/closed-loop.ts';
import { ms } from './lib/latency-stats.ts';
import { stackMongodbUri } from './lib/bench-store.ts';
import { machineFacts } from './lib/machine-facts.ts';
import { setUpReviewWorkflow } from './lib/review-workflow-setup.ts';
import { runBench, stackBenchContext } from './lib/stack-bench.ts';
import { cancelRuns, runLevel, type LevelResult } from './lib/trigger-level.ts';
import { ensureN8nInstalled, postInquiry, startN8n, type ExpressionEngine } from './peers/n8n/n8n.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

const usage = `Usage: node_modules/.bin/tsx bench/peers.ts [options]

Casework next to n8n 1.x on the same job, one system after the other, each level a closed loop of that many clients
for a fixed time (a client sends the next request once its last one is done); loopback only.

n8n: installed into .bench/n8n on first use (npm, bench/peers/n8n/package.json), started fresh for each expression
engine with bench/peers/n8n/workflow.json: Webhook (POST JSON, answers when the last node is done) → IF amount ≥
10,000 → Set (the case document) → MongoDB insert into --mongodb-db of the stack's store. A request counts when n8n
answers 200 with the stored document.

Casework: the running stack (CASEWORK_URL, default http://localhost:3000; CASEWORK_API_KEY, default the key in
\${CASEWORK_DATA_DIR:-.data}/api-key) with the canonical review workflow (examples/review-workflow), as
bench/trigger.ts: a run counts when its case is persisted (the run's case-ids is non-empty), polled every --poll-ms.
Start the stack with RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start.

  --clients LIST      concurrency levels, comma-separated (default 1,10,50)
  --duration S        seconds per level and system (default 20)
  --max-requests N    at most this many requests (runs) per level and system (default 5000)
  --warmup N          requests (runs) at concurrency 1 before measuring each system, not reported (default 10)
  --poll-ms N[,N…]    Casework: pause between polls of one run, for every level or per level (default 100)
  --prefer-wait       Casework: trigger with Prefer: wait=30 (the answer comes once the run has made its case and
                      waits), polling only when the answer does not show the case
  --timeout-ms N      a request (run) that takes longer counts as an error (default 120000)
  --engines LIST      n8n expression engines, in order (default vm,legacy; vm is n8n's default)
  --systems LIST      what to load (default n8n,casework)
  --mongodb-uri URI   the store n8n writes to (default ${stackMongodbUri()}: the stack's,
                      from MONGODB_URI, else MONGO_PORT / 27017 as npm start picks it)
  --mongodb-db NAME   n8n's database there (default casework_bench_n8n; Casework's own is casework)
  --keep-runs         leave Casework's runs waiting (by default each level's runs are canceled afterwards, untimed)
  --stack TEXT        how the stack was started, for the report
  --write             write the results into docs/benchmarks.md (section "Casework next to n8n"); needs both systems
  -h, --help          this text`;

const heading = 'Casework next to n8n';
const defaultStack =
  '`RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start` on the same machine: the Temporal CLI dev ' +
  'server (SQLite) and the embedded MongoDB-protocol store, one api and one worker process';

const engines = ['vm', 'legacy'] as const satisfies readonly ExpressionEngine[];
const systems = ['n8n', 'casework'] as const;

function options() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1,10,50' },
      duration: { type: 'string', default: '20' },
      'max-requests': { type: 'string', default: '5000' },
      warmup: { type: 'string', default: '10' },
      'poll-ms': { type: 'string', default: '100' },
      'timeout-ms': { type: 'string', default: '120000' },
      engines: { type: 'string', default: 'vm,legacy' },
      systems: { type: 'string', default: 'n8n,casework' },
      'mongodb-uri': { type: 'string', default: stackMongodbUri() },
      'mongodb-db': { type: 'string', default: 'casework_bench_n8n' },
      'keep-runs': { type: 'boolean', default: false },
      'prefer-wait': { type: 'boolean', default: false },
      stack: { type: 'string', default: defaultStack },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}, not ${value}`);
    return parsed;
  };
  const list = (value: string) => value.split(',').map((item) => item.trim());
  const choices = <T extends string>(name: string, value: string, allowed: readonly T[]): T[] => {
    const picked = list(value);
    for (const item of picked) {
      if (!(allowed as readonly string[]).includes(item)) {
        throw new Error(`--${name}: ${item} is not one of ${allowed.join(', ')}`);
      }
    }
    return picked as T[];
  };
  const clients = list(values.clients).map((item) => count('clients', item, 1, 1000));
  const polls = list(values['poll-ms']).map((item) => count('poll-ms', item, 1));
  if (polls.length !== 1 && polls.length !== clients.length) throw new Error('give --poll-ms once, or per level');
  const picked = choices('systems', values.systems, systems);
  if (values.write && picked.length !== systems.length) throw new Error('--write needs both systems');
  if (!/^mongodb(\+srv)?:\/\//.test(values['mongodb-uri'])) throw new Error('--mongodb-uri must be a mongodb:// URI');
  return {
    help: values.help,
    levels: clients.map((level, index) => ({ clients: level, pollMs: polls[index] ?? polls[0] ?? 100 })),
    durationMs: count('duration', values.duration, 1, 3600) * 1000,
    maxRequests: count('max-requests', values['max-requests'], 1),
    warmup: count('warmup', values.warmup, 0),
    timeoutMs: count('timeout-ms', values['timeout-ms'], 1000),
    engines: choices('engines', values.engines, engines),
    n8n: picked.includes('n8n'),
    casework: picked.includes('casework'),
    mongodbUri: values['mongodb-uri'],
    mongodbDb: values['mongodb-db'],
    keepRuns: values['keep-runs'],
    preferWait: values['prefer-wait'],
    stack: values.stack,
    write: values.write,
  };
}
type Options = ReturnType<typeof options>;

const log = (line: string) => console.log(line);

/** Every level on one n8n (one expression engine), started fresh and stopped afterwards. */
async function loadN8n(opts: Options, engine: ExpressionEngine): Promise<ClosedLoopResult[]> {
  const n8n = await startN8n({
    repoRoot,
    engine,
    mongodbUri: opts.mongodbUri,
    database: opts.mongodbDb,
    log,
  });
  try {
    const prefix = `${engine}${Date.now().toString(36)}`;
    const send = (label: string) => (index: number) =>
      postInquiry(n8n.webhookUrl, `${prefix}${label}${index}`, opts.timeoutMs);
    if (opts.warmup > 0) {
      const warm = await closedLoop({
        clients: 1,
        durationMs: opts.timeoutMs,
        maxRequests: opts.warmup,
        request: send('w'),
      });
      log(`  warm-up: ${warm.completed} requests, p50 ${ms(warm.latency.p50)} ms, ${warm.errors} errors`);
    }
    const results: ClosedLoopResult[] = [];
    for (const { clients } of opts.levels) {
      const result = await closedLoop({
        clients,
        durationMs: opts.durationMs,
        maxRequests: opts.maxRequests,
        request: send(`c${clients}-`),
      });
      results.push(result);
      log(
        `  n8n (${engine}) ${clients} client(s): ${result.completed} cases in ${result.wallSeconds.toFixed(1)} s, ` +
          `${result.perSecond.toFixed(1)}/s, p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ` +
          `${result.errors} errors`,
      );
      for (const sample of result.errorSamples) log(`    error: ${sample}`);
    }
    return results;
  } finally {
    await n8n.stop();
  }
}

/** Every level on the running Casework stack, as bench/trigger.ts does, ending each run's sample at its case. */
async function loadCasework(opts: Options, api: ReturnType<typeof stackBenchContext>['api']): Promise<LevelResult[]> {
  const workflow = await setUpReviewWorkflow(api, repoRoot);
  log(`Casework: workflow ${workflow.workflowId} v${workflow.versionNumber} (template ${workflow.templateKey})`);
  // A client sends a trigger and then a poll every --poll-ms until its case shows.
  const perSecond = opts.levels.reduce((most, { clients, pollMs }) => Math.max(most, clients * (1000 / pollMs + 1)), 0);
  if (workflow.rateLimit !== null && workflow.rateLimit < perSecond * (opts.durationMs / 1000)) {
    throw new Error(
      `The api allows ${workflow.rateLimit} requests per window per API key; this bench sends up to ` +
        `${Math.round(perSecond)}/s. Restart the stack with RATE_LIMIT_MAX=10000000 RATE_LIMIT_WINDOW_SECONDS=1 npm start.`,
    );
  }
  const keyPrefix = `peers${Date.now().toString(36)}`;
  const level = (clients: number, runs: number, pollMs: number, prefix: string, durationMs?: number) =>
    runLevel(api, {
      workflowId: workflow.workflowId,
      clients,
      runs,
      pollMs,
      timeoutMs: opts.timeoutMs,
      keyPrefix: prefix,
      followUntilWaiting: false,
      preferWait: opts.preferWait,
      ...(durationMs === undefined ? {} : { durationMs }),
    });
  if (opts.warmup > 0) {
    const warm = await level(1, opts.warmup, opts.levels[0]?.pollMs ?? 100, `${keyPrefix}w`);
    if (!opts.keepRuns) await cancelRuns(api, warm.runIds);
    log(`  warm-up: ${warm.runs} runs, persisted p50 ${ms(warm.persisted.p50)} ms, ${warm.errors} errors`);
  }
  const results: LevelResult[] = [];
  for (const [index, { clients, pollMs }] of opts.levels.entries()) {
    const result = await level(clients, opts.maxRequests, pollMs, `${keyPrefix}l${index}`, opts.durationMs);
    if (!opts.keepRuns) await cancelRuns(api, result.runIds);
    results.push(result);
    log(
      `  Casework ${clients} client(s): ${result.persisted.count} cases in ${result.wallSeconds.toFixed(1)} s, ` +
        `${result.casesPerSecond.toFixed(1)}/s, persisted p50 ${ms(result.persisted.p50)} ms, ` +
        `p99 ${ms(result.persisted.p99)} ms, ${result.errors} errors`,
    );
    for (const sample of result.errorSamples) log(`    error: ${sample}`);
  }
  return results;
}

const rate = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));
const ratio = (casework: number | undefined, peer: number | undefined) =>
  casework === undefined || peer === undefined || peer === 0 ? '–' : `${(casework / peer).toFixed(2)}×`;

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  // n8n is killed on exit (bench/peers/n8n/n8n.ts), which a signal would skip.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  // Before anything of ours runs: the load average is other work on the machine.
  const casework = opts.casework ? stackBenchContext(repoRoot) : null;
  const facts = casework?.facts ?? machineFacts(repoRoot);

  const n8nResults = new Map<ExpressionEngine, ClosedLoopResult[]>();
  let n8nVersion = '';
  if (opts.n8n) {
    const store = new URL(opts.mongodbUri.replace(/^mongodb(\+srv)?:/, 'http:'));
    if (
      !opts.mongodbUri.startsWith('mongodb+srv:') &&
      !(await isListening(Number(store.port || 27017), store.hostname))
    ) {
      throw new Error(`nothing listens at ${opts.mongodbUri}: start the stack (npm start) or pass --mongodb-uri`);
    }
    n8nVersion = await ensureN8nInstalled(repoRoot, log);
    for (const engine of opts.engines) n8nResults.set(engine, await loadN8n(opts, engine));
  }
  const caseworkResults = casework ? await loadCasework(opts, casework.api) : [];

  const columns = (engine: ExpressionEngine) => (engine === 'vm' ? 'n8n' : `n8n ${engine}`);
  // The engines measured: none when only Casework was loaded.
  const shown = opts.n8n ? opts.engines : [];
  const header = [
    'clients',
    ...shown.flatMap((engine) => [`${columns(engine)} /s`, 'p50', 'p99', 'errors']),
    ...(opts.casework ? ['Casework /s', 'p50', 'p99', 'errors'] : []),
    ...(opts.casework ? shown.map((engine) => `Casework ÷ ${columns(engine)}`) : []),
  ];
  const rows = opts.levels.map(({ clients }, index) => {
    const cw = caseworkResults[index];
    return [
      String(clients),
      ...shown.flatMap((engine) => {
        const result = n8nResults.get(engine)?.[index];
        return [
          rate(result?.perSecond),
          ms(result?.latency.p50 ?? NaN),
          ms(result?.latency.p99 ?? NaN),
          String(result?.errors ?? '–'),
        ];
      }),
      ...(cw ? [rate(cw.casesPerSecond), ms(cw.persisted.p50), ms(cw.persisted.p99), String(cw.errors)] : []),
      ...(cw ? shown.map((engine) => ratio(cw.casesPerSecond, n8nResults.get(engine)?.[index]?.perSecond)) : []),
    ];
  });
  const table = markdownTable(header, rows);
  console.log(`\ncases stored per second; latencies in ms from the request to the stored case\n\n${table}\n`);
  const errors =
    [...n8nResults.values()].flat().some((result) => result.errors > 0) ||
    caseworkResults.some((result) => result.errors > 0);
  if (!opts.write) return errors ? 1 : 0;

  const args = reportedArgs();
  const report = [
    wrap(
      `Measured ${facts.date} with \`node_modules/.bin/tsx bench/peers.ts${args ? ` ${args}` : ''}\` on ` +
        `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, ` +
        `commit ${facts.commit}; 1-minute load average ${facts.load} before the bench started. ` +
        `n8n ${n8nVersion} (SQLite, its defaults otherwise) on the same machine, writing to the stack's store. ` +
        `Casework: ${opts.stack}. ${opts.durationMs / 1000} s per level and system after ${opts.warmup} warm-up ` +
        `requests each; ` +
        (opts.preferWait
          ? 'Casework triggered with `Prefer: wait=30` (answering once the case is made), polled every ' +
            `${opts.levels.map(({ pollMs }) => pollMs).join('/')} ms only where the answer had no case.`
          : `Casework polled every ${opts.levels.map(({ pollMs }) => pollMs).join('/')} ms.`),
    ),
    table,
  ].join('\n\n');
  writeBenchmarkSection(
    repoRoot,
    heading,
    report,
    'The same job on n8n 1.x and on Casework, one after the other, at each level a closed loop of that many ' +
      'clients: a high-value inquiry arrives, an amount check routes it, and a case document is stored in the ' +
      'same MongoDB-protocol store. _n8n_: `bench/peers/n8n/workflow.json` (Webhook → IF → Set → MongoDB ' +
      'insert), the webhook answering when the insert is done, with its default expression engine (an ' +
      'isolated sandbox) and, as _n8n legacy_, with `N8N_EXPRESSION_ENGINE=legacy` (its ceiling). _Casework_: ' +
      'the canonical review workflow (examples/review-workflow) as in "Trigger → case persisted", counted ' +
      "when the run's case shows (`POST /workflows/{id}/trigger`, then polls of the run; latencies are as " +
      "coarse as the polls). _/s_: stored cases per second from the level's start to its last stored case; " +
      '_Casework ÷ n8n_: the ratio of the two.',
  );
  return errors ? 1 : 0;
}

runBench(main);
