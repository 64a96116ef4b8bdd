// Search at scale: `POST /cases/search`, the queue counts and the reviewer console's case list with many cases stored,
// against a running stack. Seeds varied cases straight into the stack's store (as bulk imports do, like
// bench/store-scale.ts), then times the API one request at a time. See `--help`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  newCaseDocument,
  type CaseDocument,
  type NewCaseIdentity,
} from '../packages/runtime/src/cases/case-collections.ts';
import { createCaseRepository } from '../packages/runtime/src/cases/case-repository.ts';
import { newId } from '../packages/runtime/src/platform/ids.ts';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { ms, summarize } from './lib/latency-stats.ts';
import { connectBenchStore } from './lib/bench-store.ts';
import { runBench, stackBenchContext } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/case-search.ts [options]

Against a running stack (CASEWORK_URL, CASEWORK_API_KEY as for bench/trigger.ts) and its store (MONGODB_URI, default
mongodb://127.0.0.1:\${MONGO_PORT:-27017}/, database \${MONGODB_DB:-casework}): creates a template and five queues,
adds varied cases until the store holds --cases of them (a tenth of those added in one queue, the "review" queue),
then times searches, the queue counts and the console's list of the review queue, one request at a time.

  --cases N     cases the store should hold (default 100000)
  --samples N   requests per measured read (default 20)
  --write       write the results into docs/benchmarks.md (section "Search")
  -h, --help    this text`;

const heading = 'Search';
const repoRoot = path.resolve(import.meta.dirname, '..');
const BATCH = 1_000;
const HOUR = 3_600_000;
const statuses = [
  { name: 'Open', type: 'initial' as const },
  { name: 'Pending Review', type: 'intermediate' as const },
  { name: 'Approved', type: 'end' as const },
  { name: 'Declined', type: 'end' as const },
];
const fieldSchemas = [
  { key: 'amount', type: 'number' as const, label: 'Amount', required: false },
  {
    key: 'country',
    type: 'choice' as const,
    label: 'Country',
    required: false,
    config: { choices: ['US', 'DE', 'FR', 'GB'] },
  },
];

/**
 * The n-th seeded case: a tenth in the review queue, four tenths spread over four other queues, the rest in none; a
 * fifth resolved; a quarter without an SLA, a quarter breached, the rest due within two days; tags, an assignee
 * and fields varied.
 */
/** A well-spread number in 0…m-1 for case n, a different one for each salt. */
const spread = (n: number, salt: number, m: number) => (Math.imul(n ^ (salt * 0x9e3779b9), 2654435761) >>> 0) % m;

function seededCase(n: number, key: string, templateId: string, queues: string[], now: number): CaseDocument {
  const createdAt = new Date(now - 30 * 24 * HOUR + n * 1000);
  const resolved = spread(n, 1, 5) === 0;
  const sla = spread(n, 2, 4);
  const hours = spread(n, 3, 48);
  const slaExpiresAt = sla === 0 ? null : new Date(sla === 1 ? now - hours * HOUR : now + hours * HOUR);
  const identity: NewCaseIdentity = {
    _id: newId('case', createdAt.getTime()),
    name: `${key}-${n}`,
    templateId,
    statuses,
    fieldSchemas,
    status: resolved ? 'Approved' : spread(n, 4, 4) === 0 ? 'Pending Review' : 'Open',
    fields: { amount: spread(n, 5, 2000), country: ['US', 'DE', 'FR', 'GB'][spread(n, 6, 4)] },
  };
  return newCaseDocument(identity, createdAt, {
    queueId: n % 10 === 0 ? (queues[0] ?? null) : n % 10 <= 4 ? (queues[n % 10] ?? null) : null,
    tags: [...(spread(n, 7, 3) === 0 ? ['vip'] : []), ...(spread(n, 8, 7) === 0 ? ['pep'] : [])],
    objectIds: [`inq_seed${n}`],
    resolvedAt: resolved ? createdAt : null,
    slaExpiresAt,
    slaExpiredAt: sla === 1 ? slaExpiresAt : null,
    assigneeId: spread(n, 9, 6) === 0 ? `analyst${spread(n, 10, 5)}@example.com` : null,
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      samples: { type: 'string', default: '20' },
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
    // The same template and queues on every run, so a second run measures the cases the first one stored.
    const key = 'SEARCHBENCH';
    const storedTemplate = await db.collection<{ _id: string }>('case_templates').findOne({ key });
    const templateId =
      storedTemplate?._id ??
      (
        await api.expect<{ id: string }>(201, 'POST', '/case-templates', {
          data: { attributes: { name: 'Search bench', key, statuses, 'field-schemas': fieldSchemas } },
        })
      ).data.id;
    const queues: string[] = [];
    for (const name of ['Review', 'Escalations', 'Sanctions', 'Fraud', 'Onboarding'].map(
      (q) => `${q} (search bench)`,
    )) {
      const storedQueue = await db.collection<{ _id: string }>('case_queues').findOne({ name, status: 'active' });
      queues.push(
        storedQueue?._id ??
          (
            await api.expect<{ id: string }>(201, 'POST', '/case-queues', {
              data: { attributes: { name } },
            })
          ).data.id,
      );
    }
    const review = queues[0] ?? '';

    const cases = createCaseRepository(db);
    const existing = await db.collection('cases').countDocuments();
    const missing = Math.max(0, total - existing);
    const started = Date.now();
    const numbered = await db.collection('cases').countDocuments({ templateId });
    for (let from = 0; from < missing; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, missing - from) }, (_, i) =>
        seededCase(numbered + from + i + 1, key, templateId, queues, started),
      );
      await cases.importMany(batch);
    }
    const stored = await db.collection('cases').countDocuments();
    const inReview = await db.collection('cases').countDocuments({ queueId: review });
    console.log(
      `${stored} cases stored (${missing} added in ${((Date.now() - started) / 1000).toFixed(1)} s), ` +
        `${inReview} in the review queue`,
    );

    /** Times `request` `samples` times; a request that resolves a number has timed itself (ms). */
    const time = async (request: () => Promise<unknown>) => {
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) {
        const at = performance.now();
        const own = await request();
        latencies.push(typeof own === 'number' ? own : performance.now() - at);
      }
      return summarize(latencies);
    };
    let found = 0;
    const searchOnce = async (body: object) => {
      const { response } = await api.expect<unknown[]>(200, 'POST', '/cases/search', body);
      found = (response.body as { data: unknown[] }).data.length;
      return response.body as { meta: { 'page-after': string | null } };
    };
    const search = (body: object) => time(() => searchOnce(body));
    const queue = { attribute: 'case-queue-id', operator: 'eq', value: review };
    const bySla = [{ attribute: 'sla-expires-at', direction: 'asc' }];
    const secondPage = await searchOnce({ query: queue, sort: bySla });
    const rows: [string, Awaited<ReturnType<typeof time>>, number][] = [];
    const measure = async (name: string, body: object) => {
      const stats = await search(body);
      rows.push([name, stats, found]);
    };
    await measure('console list: review queue, newest first (first page of 25)', { query: queue });
    await measure('console list: review queue, by SLA deadline (first page)', { query: queue, sort: bySla });
    await measure('console list: review queue, by SLA deadline (second page)', {
      query: queue,
      sort: bySla,
      page: { after: secondPage.meta['page-after'] },
    });
    await measure('queue + status: review queue, Open or Pending Review', {
      query: { and: [queue, { attribute: 'status', operator: 'in', value: ['Open', 'Pending Review'] }] },
    });
    await measure('fields: amount ≥ 1,900 and country DE', {
      query: {
        and: [
          { attribute: 'fields.amount', operator: 'gte', value: 1900 },
          { attribute: 'fields.country', operator: 'eq', value: 'DE' },
        ],
      },
    });
    await measure(`name contains "${key.toLowerCase()}-4242"`, {
      query: { attribute: 'name', operator: 'contains', value: `${key.toLowerCase()}-4242` },
    });
    await measure('SLA breached, unresolved', {
      query: {
        and: [
          { attribute: 'sla-state', operator: 'eq', value: 'breached' },
          { attribute: 'resolved', operator: 'eq', value: false },
        ],
      },
    });
    await measure('SLA running, by deadline (all queues)', {
      query: { attribute: 'sla-state', operator: 'eq', value: 'running' },
      sort: bySla,
    });
    await measure('every case, newest first (no query)', {});
    // The api runs at most one counts scan a second (cases/case-search-service.ts): spaced further apart, each request
    // times one scan rather than the wait for its turn.
    const counts = await time(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const at = performance.now();
      await api.expect(200, 'GET', '/case-queues/counts');
      return performance.now() - at;
    });

    const table = markdownTable(
      ['read', 'found', 'requests', 'p50 ms', 'p99 ms', 'max ms'],
      [
        ...rows.map(([name, stats, hits]) => [
          `\`POST /cases/search\` ${name}`,
          String(hits),
          String(stats.count),
          ms(stats.p50),
          ms(stats.p99),
          ms(stats.max),
        ]),
        ['`GET /case-queues/counts`', '–', String(counts.count), ms(counts.p50), ms(counts.p99), ms(counts.max)],
      ],
    );
    console.log(`\n${table}\n`);
    if (!values.write) return 0;
    const args = reportedArgs();
    const report = [
      wrap(
        `Measured ${facts.date} with \`node_modules/.bin/tsx bench/case-search.ts${args ? ` ${args}` : ''}\` on ` +
          `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}, commit ` +
          `${facts.commit}, against \`npm start\`'s stack (embedded store) holding ${stored} cases, ${inReview} of ` +
          `them in the review queue; 1-minute load average ${facts.load} before the bench started (other work ` +
          `on the machine); one request at a time, ${samples} per row; _found_ is the size of the page.`,
      ),
      table,
    ].join('\n\n');
    writeBenchmarkSection(
      repoRoot,
      heading,
      report,
      'How `POST /cases/search`, the queue counts and the reviewer console’s case list behave with many cases ' +
        'stored. The embedded store uses only `_id` and unique indexes, so every search scans the cases ' +
        'collection and sorts what matches in memory: its cost grows with the collection, not with the page.',
    );
    return 0;
  } finally {
    await mongo.client.close();
  }
}

runBench(main);
