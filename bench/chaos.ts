// Faults, with nothing lost: a stack of its own under a steady load of triggers and case writes, whose worker, api,
// store and Temporal dev server are SIGKILLed in turn and brought back by npm start's supervisor; afterwards every
// accepted request's run, case and event must exist exactly once and every run must reach its end. See `--help`;
// `--write` puts the figures into docs/reliability.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connectMongo } from '../packages/runtime/src/platform/db/mongo.ts';
import { generateApiKey } from '../scripts/lib/api-key.mjs';
import { firstAdmin } from '../scripts/lib/first-admin.mjs';
import { createLog } from '../scripts/lib/log.mjs';
import { freePort } from '../scripts/lib/ports.mjs';
import { startStack } from '../scripts/lib/stack.mjs';
import { markdownTable, wrap, writeResults } from './lib/benchmarks-doc.ts';
import { createCaseworkClient } from './lib/casework-client.ts';
import { machineFacts } from './lib/machine-facts.ts';
import { setUpReviewWorkflow } from './lib/review-workflow-setup.ts';
import { runBench } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/chaos.ts [options]

Starts a stack of its own (throwaway data, free ports, as npm start does), sets up the canonical review workflow,
and lets --clients clients trigger it and create-and-comment cases, each request with an Idempotency-Key and
retried with the same key until accepted. Meanwhile it SIGKILLs, one after the other, the worker --worker-kills
times, and the api, the store and the Temporal dev server once each, --gap-ms after the last one came back. Then
it approves every case so each run ends, and checks in the store that every accepted request left exactly one run,
case and event, and that every run completed.

  --clients N        concurrent clients (default 4)
  --worker-kills N   worker SIGKILLs (default 20)
  --gap-ms N         pause after a killed service is back before the next kill (default 2000)
  --write            write the figures into docs/reliability.md
  -h, --help         this text`;

const repoRoot = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function options() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '4' },
      'worker-kills': { type: 'string', default: '20' },
      'gap-ms': { type: 'string', default: '2000' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const count = (name: string, value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, not ${value}`);
    return parsed;
  };
  return {
    help: values.help,
    clients: Math.max(1, count('clients', values.clients)),
    workerKills: count('worker-kills', values['worker-kills']),
    gapMs: count('gap-ms', values['gap-ms']),
    write: values.write,
  };
}

type Api = ReturnType<typeof createCaseworkClient>;

/** Sends until the api accepts (2xx), with the same Idempotency-Key every time: what a careful integration does. */
async function untilAccepted(api: Api, method: string, url: string, body: unknown, key: string): Promise<unknown> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await api.send(method, url, body, { 'idempotency-key': key }).catch(() => null);
    if (response && response.status >= 200 && response.status < 300) return (response.body as { data: unknown }).data;
    // Refused for good (bad input): a bug in this script, not a fault to ride out.
    if (response && response.status >= 400 && response.status < 500 && ![408, 409, 429].includes(response.status)) {
      throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    await sleep(200);
  }
  throw new Error(`${method} ${url} (key ${key}) never got accepted`);
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  const facts = machineFacts(repoRoot);
  const log = createLog('chaos');
  process.env.RATE_LIMIT_MAX = '10000000';
  process.env.RATE_LIMIT_WINDOW_SECONDS = '1';
  process.env.LOG_LEVEL = 'warn';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-chaos-'));
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
    // Every kill is a crash to the supervisor: let it restart as often as the script kills.
    supervision: { maxCrashes: 1_000 },
  });
  const mongo = await connectMongo(String(stack.mongodbUri), 'casework');
  try {
    const api = createCaseworkClient({ baseUrl: stack.apiUrl, apiKey });
    const workflow = await setUpReviewWorkflow(api, repoRoot);
    const prefix = Date.now().toString(36);
    const runs = new Map<string, string>();
    const commented = new Map<string, { caseId: string; body: string }>();
    let loading = true;

    const client = async (c: number) => {
      for (let n = 0; loading; n++) {
        const key = `chaos-${prefix}-${c}-${n}`;
        const fields = { 'inquiry-id': `inq_${key}`, 'report-id': `rep_${key}`, amount: 25_000, country: 'DE' };
        const run = (await untilAccepted(
          api,
          'POST',
          `/workflows/${workflow.workflowId}/trigger`,
          {
            data: { attributes: { fields } },
          },
          `${key}-run`,
        )) as { id: string };
        runs.set(key, run.id);
        if (n % 2 === 0) {
          const created = (await untilAccepted(
            api,
            'POST',
            '/cases',
            {
              data: { attributes: { 'case-template-id': workflow.templateId, fields: { amount: 1 } } },
              meta: { 'object-ids': [`doc_${key}`] },
            },
            `${key}-case`,
          )) as { id: string };
          const body = `checked by ${key}`;
          await untilAccepted(
            api,
            'POST',
            `/cases/${created.id}/comments`,
            { data: { attributes: { body } } },
            `${key}-comment`,
          );
          commented.set(key, { caseId: created.id, body });
        }
      }
    };

    const services = stack.services as { name: string; current: { proc: { child: { kill(signal: string): void } } } }[];
    const serviceNamed = (name: string) => {
      const found = services.find((service) => service.name === name);
      if (!found) throw new Error(`no service ${name}`);
      return found;
    };
    const plan: string[] = [];
    for (let i = 0; i < opts.workerKills; i++) {
      plan.push('the worker');
      if (i === Math.floor(opts.workerKills / 4)) plan.push('the api');
      if (i === Math.floor(opts.workerKills / 2)) plan.push('the store');
      if (i === Math.floor((3 * opts.workerKills) / 4)) plan.push('the Temporal dev server');
    }
    if (opts.workerKills === 0) plan.push('the api', 'the store', 'the Temporal dev server');
    const faults = async () => {
      await sleep(opts.gapMs);
      for (const name of plan) {
        const service = serviceNamed(name);
        const before = service.current;
        before.proc.child.kill('SIGKILL');
        const deadline = Date.now() + 180_000;
        while (service.current === before) {
          if (Date.now() > deadline) throw new Error(`${name} did not come back within 3 minutes`);
          await sleep(100);
        }
        log.info(`killed ${name}; it is back (${runs.size} runs accepted so far)`);
        await sleep(opts.gapMs);
      }
    };

    const started = Date.now();
    const loaders = Array.from({ length: opts.clients }, (_, c) => client(c));
    await faults();
    loading = false;
    await Promise.all(loaders);
    const loadSeconds = (Date.now() - started) / 1000;
    log.info(
      `load done: ${runs.size} runs and ${commented.size} commented cases accepted in ${loadSeconds.toFixed(0)} s`,
    );

    // Every run reaches its end: approve each run's case, then wait for the run to complete.
    const runIds = [...runs.values()];
    const ended = new Map<string, string>();
    const deadline = Date.now() + 600_000;
    while (ended.size < runIds.length && Date.now() < deadline) {
      for (const runId of runIds) {
        if (ended.has(runId)) continue;
        const { body } = await api.send('GET', `/workflow-runs/${runId}`).catch(() => ({ body: null }));
        const attributes = (body as { data?: { attributes: { status: string; 'case-ids': string[] } } } | null)?.data
          ?.attributes;
        if (!attributes) continue;
        if (['completed', 'errored', 'canceled'].includes(attributes.status)) ended.set(runId, attributes.status);
        else if (attributes.status === 'waiting' && attributes['case-ids'][0]) {
          await api.send('POST', `/cases/${attributes['case-ids'][0]}/set-status`, { meta: { status: 'approved' } });
        }
      }
      await sleep(500);
    }

    // What the store holds.
    const { db } = mongo;
    const storedRuns = await db.collection('workflow_runs').find({ workflowId: workflow.workflowId }).toArray();
    const runCases = await db
      .collection('cases')
      .find({ workflowRunIds: { $in: runIds } })
      .toArray();
    const casesPerRun = new Map<string, number>();
    for (const kase of runCases)
      casesPerRun.set(String(kase.workflowRunIds[0]), (casesPerRun.get(String(kase.workflowRunIds[0])) ?? 0) + 1);
    const directCases = await db
      .collection('cases')
      .find({ objectIds: { $in: [...commented.keys()].map((key) => `doc_${key}`) } })
      .toArray();
    const caseIds = [...runCases, ...directCases].map((kase) => String(kase._id));
    const events = await db
      .collection('events')
      .find({ caseId: { $in: caseIds } })
      .toArray();
    const eventCount = (caseId: string, name: string) =>
      events.filter((event) => event.caseId === caseId && event.name === name).length;

    const figures = {
      accepted: runs.size + commented.size * 2,
      faults: plan.length,
      runsLost: runIds.filter((id) => !storedRuns.some((run) => String(run._id) === id)).length,
      runsDoubled: storedRuns.length - runIds.length,
      runsNotCompleted: runIds.filter((id) => ended.get(id) !== 'completed').length,
      casesLost:
        runIds.filter((id) => !casesPerRun.has(id)).length +
        [...commented.keys()].filter(
          (key) => !directCases.some((kase) => (kase.objectIds as string[]).includes(`doc_${key}`)),
        ).length,
      casesDoubled: [...casesPerRun.values()].filter((n) => n > 1).length + (directCases.length - commented.size),
      eventsLost:
        caseIds.filter((id) => eventCount(id, 'case.created') === 0).length +
        [...commented.values()].filter(({ caseId }) => eventCount(caseId, 'case.commented') === 0).length,
      eventsDoubled:
        caseIds.filter((id) => eventCount(id, 'case.created') > 1).length +
        [...commented.values()].filter(({ caseId }) => eventCount(caseId, 'case.commented') > 1).length +
        runCases.filter((kase) => eventCount(String(kase._id), 'case.resolved') > 1).length,
    };
    for (const id of caseIds) {
      for (const name of ['case.created', 'case.commented', 'case.resolved']) {
        if (eventCount(id, name) > 1) console.log(`  ${id}: ${eventCount(id, name)}× ${name}`);
      }
    }
    const table = markdownTable(
      [
        'requests accepted',
        'faults injected',
        'runs lost',
        'runs doubled',
        'runs not completed',
        'cases lost',
        'cases doubled',
        'events lost',
        'events doubled',
      ],
      [
        [
          figures.accepted,
          figures.faults,
          figures.runsLost,
          figures.runsDoubled,
          figures.runsNotCompleted,
          figures.casesLost,
          figures.casesDoubled,
          figures.eventsLost,
          figures.eventsDoubled,
        ].map(String),
      ],
    );
    console.log(`\n${table}\n`);
    const clean = Object.entries(figures).every(
      ([name, value]) => name === 'accepted' || name === 'faults' || value === 0,
    );
    if (opts.write) {
      const args = process.argv.slice(2).join(' ');
      const intro =
        'A stack of its own under a steady load of API triggers of the canonical review workflow and of case ' +
        'creations with a comment, each request retried with its Idempotency-Key until accepted, while its services ' +
        "are SIGKILLed in turn and npm start's supervisor restarts them. Afterwards every case is approved so every " +
        'run can end, and the store is checked: one run per accepted trigger, one case per run and per accepted ' +
        'case creation, one `case.created` per case, one `case.commented` per accepted comment, at most one ' +
        '`case.resolved` per case, and every run completed.';
      const report = [
        wrap(
          `Measured ${facts.date} with \`node_modules/.bin/tsx bench/chaos.ts${args ? ` ${args}` : ''}\` on ` +
            `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, ` +
            `commit ${facts.commit}: ${opts.clients} clients for ${loadSeconds.toFixed(0)} s, kills in this order: ` +
            `${plan.join(', ')}.`,
        ),
        table,
      ].join('\n\n');
      const file = path.join(repoRoot, 'docs', 'reliability.md');
      writeResults(file, 'Faults under load', report, ({ start, end }) => `${wrap(intro)}\n\n${start}\n\n${end}\n`);
      console.log(`wrote ${path.relative(repoRoot, file)}`);
    }
    return clean ? 0 : 1;
  } finally {
    await mongo.client.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench(main);
