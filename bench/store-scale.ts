// Reads at scale: how `GET /cases/{id}` and the list queries behave with many cases stored, against a running
// stack. Seeds cases straight into the stack's store (as bulk imports do), then times the API. See `--help`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newCaseDocument, type NewCaseIdentity } from '../packages/runtime/src/cases/case-collections.ts';
import { createCaseRepository } from '../packages/runtime/src/cases/case-repository.ts';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { ms, summarize } from './lib/latency-stats.ts';
import { connectBenchStore } from './lib/bench-store.ts';
import { runBench, stackBenchContext } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/store-scale.ts [options]

Against a running stack (CASEWORK_URL, CASEWORK_API_KEY as for bench/trigger.ts) and its store (MONGODB_URI, default
mongodb://127.0.0.1:\${MONGO_PORT:-27017}/, database \${MONGODB_DB:-casework}): creates a template and a queue, adds
cases until the store holds --cases of them (a tenth in the queue), then times reads one at a time.

  --cases N     cases the store should hold (default 100000)
  --samples N   requests per measured read (default 200 for GET /cases/{id}, a tenth of it for lists)
  --write       write the results into docs/benchmarks.md (section "Reads at scale")
  -h, --help    this text`;

const heading = 'Reads at scale';
const repoRoot = path.resolve(import.meta.dirname, '..');
const BATCH = 1_000;

function seededCase(id: string, n: number, templateId: string, key: string, queueId: string | null, at: Date) {
  const identity: NewCaseIdentity = {
    _id: id,
    name: `${key}-${n}`,
    templateId,
    statuses: [
      { name: 'open', type: 'initial' },
      { name: 'approved', type: 'end' },
    ],
    fieldSchemas: [{ key: 'amount', type: 'number', label: 'Amount', required: false }],
    status: n % 7 === 0 ? 'approved' : 'open',
    fields: { amount: n },
  };
  return newCaseDocument(identity, at, { queueId, objectIds: [`inq_seed${n}`] });
}

/** Ids shaped like the runtime's (prefix, 7 time characters, 17 more) and sorting by creation time. */
const seedId = (n: number) => `case_zzseed${String(n).padStart(18, '0')}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      samples: { type: 'string', default: '200' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const total = Number(values.cases);
  const samples = Number(values.samples);
  const { facts, api } = stackBenchContext(repoRoot);
  const mongo = await connectBenchStore();
  try {
    const { db } = mongo;
    const key = `SCALE${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
    const { data: template } = await api.expect<{ id: string }>(201, 'POST', '/case-templates', {
      data: {
        attributes: {
          name: 'Scale bench',
          key,
          statuses: [
            { name: 'open', type: 'initial' },
            { name: 'approved', type: 'end' },
          ],
          'field-schemas': [{ key: 'amount', type: 'number', label: 'Amount', required: false }],
        },
      },
    });
    const { data: queue } = await api.expect<{ id: string }>(201, 'POST', '/case-queues', {
      data: { attributes: { name: `Scale bench ${key}` } },
    });

    const cases = createCaseRepository(db);
    const existing = await db.collection('cases').countDocuments();
    const missing = Math.max(0, total - existing);
    const started = Date.now();
    const base = existing;
    for (let from = 0; from < missing; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, missing - from) }, (_, i) => {
        const n = base + from + i + 1;
        return seededCase(seedId(n), n, template.id, key, n % 10 === 0 ? queue.id : null, new Date(started));
      });
      await cases.importMany(batch);
    }
    const stored = await db.collection('cases').countDocuments();
    console.log(`${stored} cases stored (${missing} added in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

    const time = async (count: number, request: (i: number) => string) => {
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) {
        const at = performance.now();
        await api.expect(200, 'GET', request(i));
        latencies.push(performance.now() - at);
      }
      return summarize(latencies);
    };
    const listSamples = Math.max(5, Math.round(samples / 10));
    // Existing cases to read, spread over the whole store (every tenth of the newest 10,000 seeded ones, and more).
    const known = (
      await db
        .collection('cases')
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: -1 })
        .limit(Math.min(stored, 10_000))
        .toArray()
    ).map((doc: { _id: unknown }) => String(doc._id));
    const ids = Array.from({ length: samples }, () => known[Math.floor(Math.random() * known.length)] ?? '');
    const reads: [string, Awaited<ReturnType<typeof time>>][] = [
      ['`GET /cases/{id}`', await time(samples, (i) => `/cases/${ids[i] ?? ''}`)],
      ['`GET /cases` (newest 10)', await time(listSamples, () => '/cases?page[size]=10')],
      [
        '`GET /cases?filter[case-queue-id]=…` (a tenth match)',
        await time(listSamples, () => `/cases?filter[case-queue-id]=${queue.id}&page[size]=10`),
      ],
      [
        '`GET /cases?filter[status]=approved`',
        await time(listSamples, () => '/cases?filter[status]=approved&page[size]=10'),
      ],
      ['`GET /workflow-runs` (newest 10)', await time(listSamples, () => '/workflow-runs?page[size]=10')],
      ['`GET /events?filter[case-id]=…`', await time(listSamples, (i) => `/events?filter[case-id]=${ids[i] ?? ''}`)],
    ];
    const table = markdownTable(
      ['read', 'requests', 'p50 ms', 'p99 ms', 'max ms'],
      reads.map(([name, stats]) => [name, String(stats.count), ms(stats.p50), ms(stats.p99), ms(stats.max)]),
    );
    console.log(`\n${table}\n`);
    if (!values.write) return 0;
    const args = reportedArgs();
    const report = [
      wrap(
        `Measured ${facts.date} with \`node_modules/.bin/tsx bench/store-scale.ts${args ? ` ${args}` : ''}\` on ` +
          `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}, commit ` +
          `${facts.commit}, against \`npm start\`'s stack (embedded store) holding ${stored} cases; one request at ` +
          'a time.',
      ),
      table,
    ].join('\n\n');
    writeBenchmarkSection(
      repoRoot,
      heading,
      report,
      'Reads with many cases stored. A case is read by `_id` (an index on every store); lists filter and sort ' +
        'on other fields, which the embedded store answers by scanning (it builds only `_id` and unique ' +
        'indexes), so their cost grows with the collection. Real MongoDB uses the declared indexes.',
    );
    return 0;
  } finally {
    await mongo.client.close();
  }
}

runBench(main);
