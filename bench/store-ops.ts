// Store operations per run: how many commands the api and the worker send to the store for one run of the canonical
// review workflow, counted by the MongoDB driver. Unlike times, counts do not drift with the machine's load, so they
// show what a change to the write path saves. See `--help`; results go to docs/benchmarks.md with `--write`.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { WorkflowRunResource } from '../packages/shared/src/index.ts';
import { buildApp } from '../packages/runtime/src/app.ts';
import { loadEnv } from '../packages/runtime/src/config/env.ts';
import { connectMongo, type MongoHandle } from '../packages/runtime/src/platform/db/mongo.ts';
import { createWorker } from '../packages/runtime/src/temporal/worker-factory.ts';
import { stackMongodbUri } from './lib/bench-store.ts';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { createCaseworkClient, type CaseworkClient } from './lib/casework-client.ts';
import { machineFacts } from './lib/machine-facts.ts';
import { setUpReviewWorkflow } from './lib/review-workflow-setup.ts';
import { runBench } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/store-ops.ts [options]

Against the store and the Temporal server of a running stack (MONGODB_URI, default mongodb://127.0.0.1:\${MONGO_PORT:-27017}/;
TEMPORAL_ADDRESS, default localhost:7233), on a database and task queue of its own: starts an api and a worker in
this process, each with a MongoDB client that counts the commands it sends, sets up the canonical review workflow
(examples/review-workflow), then triggers runs one at a time and polls each until it waits on wait-resolved. Prints
the store commands per trigger request, per GET of a running run, and per run in the worker (case steps, run
record, wait registration, and what they publish).

  --runs N     runs counted, after 3 uncounted ones (default 20)
  --by-collection  count each command per collection too (e.g. find on cases), to see where they go
  --write      write the results into docs/benchmarks.md (section "Store operations per run")
  -h, --help   this text`;

const heading = 'Store operations per run';
const repoRoot = path.resolve(import.meta.dirname, '..');
const WRITES = new Set(['insert', 'update', 'findAndModify', 'delete']);
const READS = new Set(['find', 'getMore', 'aggregate', 'count', 'distinct']);
const WARMUP_RUNS = 3;
const POLL_MS = 20;
/** After a run waits, how long its writers' background work (retries, SLA sync) may take to show in the counts. */
const SETTLE_MS = 500;

type Counts = Map<string, number>;

/** Counts the data commands `mongo` sends to `dbName` into whichever tally `into()` names at the time. */
function countCommands(mongo: MongoHandle, dbName: string, byCollection: boolean, into: () => Counts | null) {
  mongo.client.on('commandStarted', (event) => {
    const tally = into();
    if (!tally || event.databaseName !== dbName) return;
    if (!WRITES.has(event.commandName) && !READS.has(event.commandName)) return;
    const target: unknown = event.command[event.commandName];
    const key = byCollection ? `${event.commandName} ${String(target)}` : event.commandName;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  });
}

const commandOf = (key: string) => key.split(' ')[0] ?? key;
const total = (counts: Counts, kinds: Set<string>) =>
  [...counts].filter(([key]) => kinds.has(commandOf(key))).reduce((sum, [, n]) => sum + n, 0);

function row(what: string, counts: Counts, per: number): string[] {
  // A command sent now and then (the rate limit reserves 100 requests at a time) shows as under 0.1, not as 0.
  const f = (n: number) => (n > 0 && n / per < 0.05 ? '<0.1' : (n / per).toFixed(1).replace(/\.0$/, ''));
  const detail = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${f(n)}`)
    .join(', ');
  return [what, f(total(counts, WRITES)), f(total(counts, READS)), detail];
}

const isWaiting = (run: WorkflowRunResource) =>
  run.attributes.status === 'waiting' &&
  run.attributes.steps.some((step) => step['node-id'] === 'wait-resolved' && step.status === 'waiting');

async function oneRun(api: CaseworkClient, workflowId: string, key: string, tally: (phase: string) => void) {
  tally('trigger');
  const { data: run } = await api.expect<WorkflowRunResource>(
    201,
    'POST',
    `/workflows/${workflowId}/trigger`,
    { data: { attributes: { fields: { 'inquiry-id': `inq_${key}`, 'report-id': `rep_${key}`, amount: 25_000 } } } },
    { 'idempotency-key': `store-ops-${key}` },
  );
  let polls = 0;
  for (const started = Date.now(); ;) {
    tally('poll');
    polls++;
    const { data: current } = await api.expect<WorkflowRunResource>(200, 'GET', `/workflow-runs/${run.id}`);
    tally('idle');
    if (isWaiting(current)) break;
    if (['errored', 'canceled', 'completed'].includes(current.attributes.status))
      throw new Error(`run ${run.id} ended ${current.attributes.status}: ${current.attributes.error ?? ''}`);
    if (Date.now() - started > 60_000) throw new Error(`run ${run.id} did not reach its wait within 60 s`);
    await sleep(POLL_MS);
  }
  await sleep(SETTLE_MS);
  return polls;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      write: { type: 'boolean', default: false },
      'by-collection': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer ≥ 1, not ${values.runs}`);

  const facts = machineFacts(repoRoot);
  const suffix = randomBytes(6).toString('hex');
  const apiKey = `cw_bench_${randomBytes(24).toString('base64url')}`;
  const env = loadEnv({
    MONGODB_URI: stackMongodbUri(),
    MONGODB_DB: `bench_store_ops_${suffix}`,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    TEMPORAL_TASK_QUEUE: `bench-store-ops-${suffix}`,
    CASEWORK_API_KEY: apiKey,
    CASEWORK_SECRETS_KEY: randomBytes(32).toString('hex'),
    RATE_LIMIT_MAX: '10000000',
    LOG_LEVEL: 'silent',
  });

  // The tallies being counted into: the api's by phase of the current run, the worker's for the whole run.
  let apiTally: Counts | null = null;
  let workerTally: Counts | null = null;
  const tallies = { trigger: new Map(), poll: new Map(), worker: new Map() } satisfies Record<string, Counts>;
  const apiMongo = await connectMongo(env.MONGODB_URI, env.MONGODB_DB, { monitorCommands: true });
  const workerMongo = await connectMongo(env.MONGODB_URI, env.MONGODB_DB, { monitorCommands: true });
  const byCollection = values['by-collection'];
  countCommands(apiMongo, env.MONGODB_DB, byCollection, () => apiTally);
  countCommands(workerMongo, env.MONGODB_DB, byCollection, () => workerTally);

  const app = await buildApp({ env, mongo: apiMongo, logger: false });
  const worker = await createWorker({
    db: workerMongo.db,
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
  });
  const running = worker.worker.run();
  let polls = 0;
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const api = createCaseworkClient({ baseUrl: address, apiKey });
    const workflow = await setUpReviewWorkflow(api, repoRoot);
    for (let index = 0; index < WARMUP_RUNS + runs; index++) {
      const counted = index >= WARMUP_RUNS;
      workerTally = counted ? tallies.worker : null;
      const runPolls = await oneRun(api, workflow.workflowId, `${suffix}${index}`, (phase) => {
        apiTally = counted && (phase === 'trigger' || phase === 'poll') ? tallies[phase] : null;
      });
      if (counted) polls += runPolls;
      workerTally = null;
    }
  } finally {
    worker.worker.shutdown();
    await running;
    await worker.close();
    await app.close();
    await apiMongo.db.dropDatabase();
    await apiMongo.client.close();
    await workerMongo.client.close();
  }

  const table = markdownTable(
    ['what', 'writes', 'reads', 'by command'],
    [
      row('`POST /workflows/{id}/trigger` (api)', tallies.trigger, runs),
      row('`GET /workflow-runs/{id}` of a running run (api)', tallies.poll, polls),
      row('the run up to its wait (worker)', tallies.worker, runs),
    ],
  );
  console.log(`\nstore commands, mean per request or per run (${runs} runs, ${polls} polls)\n\n${table}\n`);
  if (!values.write) return 0;
  writeBenchmarkSection(
    repoRoot,
    heading,
    [
      wrap(
        `Measured ${facts.date} with \`node_modules/.bin/tsx bench/store-ops.ts ${reportedArgs()}\`` +
          ` against the store and Temporal server of \`npm start\`, commit ${facts.commit}: ${runs} runs, one at a ` +
          `time, ${polls} polls. Mean store commands per request or per run; _writes_: insert, update, ` +
          'findAndModify and delete commands (each one round trip and, on the embedded store, one commit); ' +
          '_reads_: find, getMore, aggregate and count.',
      ),
      table,
    ].join('\n\n'),
    'What one run of the canonical review workflow (examples/review-workflow) asks of the store, counted by the ' +
      "MongoDB driver in an api and a worker started by the bench. Counts don't drift with the machine's load the " +
      'way times do, so this is the yardstick for changes to the write path.',
  );
  return 0;
}

runBench(main);
