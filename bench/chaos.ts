// Faults, with nothing lost: a stack of its own under a steady load of triggers and case writes, whose worker, api,
// store and Temporal dev server are SIGKILLed in turn and brought back by npm start's supervisor; afterwards every
// accepted request's run, case and event must exist exactly once and every run must have completed. See `--help`;
// `--write` puts the figures into docs/reliability.md. The logic lives in bench/lib/chaos-*.ts, shared with
// packages/runtime/test/deploy/chaos.test.ts (the short version).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLog } from '../scripts/lib/log.mjs';
import { markdownTable, wrap, writeResults, reportedArgs } from './lib/benchmarks-doc.ts';
import type { ServiceName } from './lib/chaos-faults.ts';
import { isClean, runChaos, type ChaosResult } from './lib/chaos-run.ts';
import { machineFacts, type MachineFacts } from './lib/machine-facts.ts';
import { runBench } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/chaos.ts [options]

Starts a stack of its own (throwaway data, free ports, supervised as npm start does), sets up the canonical review
workflow, and lets --clients clients trigger it (--rate triggers a second in all; every second trigger also creates
a case and comments on it) while a reviewer approves the workflow's cases from their queue; every request carries
an Idempotency-Key and is retried with it until accepted. Meanwhile it SIGKILLs the worker --worker-kills times and
the api, the store and the Temporal dev server once each, spread among the worker kills, --gap-ms after the last
one came back. Then it waits for every run to end and checks in the store that every accepted request left exactly
one run, case and event, that each run's steps took effect once, and that every run completed. Exits 1 otherwise.

  --clients N        concurrent clients (default 4)
  --rate N           triggers a second, all clients together (default 4)
  --worker-kills N   worker SIGKILLs (default 20)
  --gap-ms N         pause after a killed service is back before the next kill (default 3000)
  --stall-ms N       after the load, how long the runs may make no progress before the check (default 600000)
  --write            write the figures into docs/reliability.md
  -h, --help         this text`;

const repoRoot = path.resolve(import.meta.dirname, '..');
const others: ServiceName[] = ['the api', 'the store', 'the Temporal dev server'];

function options() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '4' },
      rate: { type: 'string', default: '4' },
      'worker-kills': { type: 'string', default: '20' },
      'gap-ms': { type: 'string', default: '3000' },
      'stall-ms': { type: 'string', default: '600000' },
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
    rate: Math.max(1, count('rate', values.rate)),
    workerKills: count('worker-kills', values['worker-kills']),
    gapMs: count('gap-ms', values['gap-ms']),
    stallMs: count('stall-ms', values['stall-ms']),
    write: values.write,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const thousands = (n: number) => n.toLocaleString('en-US');

/** The tables of a run: what was accepted and injected, then lost and doubled per kind of item. */
function tables(result: ChaosResult): string {
  const { accepted, verdict, faults } = result;
  const lost = verdict.items.reduce((sum, item) => sum + item.lost, 0);
  const doubled = verdict.items.reduce((sum, item) => sum + item.doubled, 0);
  const summary = markdownTable(
    ['requests accepted', 'faults injected', 'runs completed', 'items lost', 'items doubled'],
    [
      [
        `${thousands(accepted.total)} (${thousands(accepted.triggers)} triggers, ${thousands(accepted.creates)} case ` +
          `creations, ${thousands(accepted.comments)} comments, ${thousands(accepted.approvals)} approvals)`,
        String(faults.length),
        `${thousands(verdict.runsCompleted)} of ${thousands(accepted.triggers)}`,
        String(lost),
        String(doubled),
      ],
    ],
  );
  const items = markdownTable(
    ['item', 'expected exactly once', 'lost', 'doubled'],
    verdict.items.map((item) => [item.kind, thousands(item.expected), String(item.lost), String(item.doubled)]),
  );
  const services = [...new Set(faults.map((fault) => fault.service))];
  const recovery = markdownTable(
    ['service SIGKILLed', 'times', 'back after (median)', 'back after (max)'],
    services.map((service) => {
      const times = faults
        .filter((fault) => fault.service === service)
        .map((fault) => fault.backMs)
        .sort((a, b) => a - b);
      return [
        service,
        String(times.length),
        seconds(times[Math.floor(times.length / 2)] ?? 0),
        seconds(times.at(-1) ?? 0),
      ];
    }),
  );
  return [summary, items, recovery].join('\n\n');
}

function report(result: ChaosResult, facts: MachineFacts, opts: ReturnType<typeof options>): string {
  const args = reportedArgs();
  return [
    wrap(
      `Measured ${facts.date} with \`node_modules/.bin/tsx bench/chaos.ts${args ? ` ${args}` : ''}\` on ` +
        `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, commit ` +
        `${facts.commit}, load average ${facts.load} before the start: ${opts.clients} clients at ${opts.rate} ` +
        `triggers a second for ${result.loadSeconds.toFixed(0)} s of load, in which ${result.faults.length} SIGKILLs ` +
        `came in this order: ${result.faults.map((fault) => fault.service.replace('the ', '')).join(', ')}; ` +
        `${thousands(result.retries)} answers were not yet an acceptance and were retried with their key. Every run ` +
        `had ended ${result.drainSeconds.toFixed(0)} s after the load.`,
    ),
    tables(result),
  ].join('\n\n');
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  const facts = machineFacts(repoRoot);
  const result = await runChaos({
    repoRoot,
    log: createLog('chaos'),
    clients: opts.clients,
    rate: opts.rate,
    workerKills: opts.workerKills,
    others,
    gapMs: opts.gapMs,
    reviewers: 4,
    stallMs: opts.stallMs,
  });
  console.log(`\n${tables(result)}\n`);
  for (const sample of result.verdict.samples) console.log(`  ${sample}`);
  if (opts.write) {
    const intro =
      'A stack of its own under a steady load of API triggers of the canonical review workflow and of case ' +
      'creations with a comment, while a reviewer approves the workflow cases from their queue; every request ' +
      "carries an Idempotency-Key and is retried with it until accepted. Meanwhile its services are SIGKILLed in turn and npm start's " +
      'supervisor restarts them. Afterwards the store is checked: one run per accepted trigger, one case per run ' +
      'and per accepted case creation, one `case.created` per case, one `case.commented` per accepted comment, one ' +
      '`case.resolved` per approved case, one `workflow-run.created` and `workflow-run.completed` per run, each ' +
      "run's steps applied once (one review note, the decision recorded), and every run completed.";
    const file = path.join(repoRoot, 'docs', 'reliability.md');
    writeResults(
      file,
      'Faults under load',
      report(result, facts, opts),
      ({ start, end }) => `${wrap(intro)}\n\n${start}\n\n${end}\n`,
    );
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
  return isClean(result) ? 0 : 1;
}

runBench(main);
