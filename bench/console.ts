// The reviewer console at scale: how fast the case list of a queue holding many cases opens in headless Chromium,
// and how fast it answers a sort, a filter and the next page, against a running stack. See `--help`.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  newCaseDocument,
  type CaseDocument,
  type NewCaseIdentity,
} from '../packages/runtime/src/cases/case-collections.ts';
import { createCaseRepository } from '../packages/runtime/src/cases/case-repository.ts';
import { signInOnce, type SessionCookie } from './lib/bench-session.ts';
import { markdownTable, wrap, writeBenchmarkSection, reportedArgs } from './lib/benchmarks-doc.ts';
import { launchChromium, type Browser, type Page } from './lib/editor-page.ts';
import { ms, summarize } from './lib/latency-stats.ts';
import { connectBenchStore } from './lib/bench-store.ts';
import { runBench, stackBenchContext } from './lib/stack-bench.ts';

const usage = `Usage: node_modules/.bin/tsx bench/console.ts [options]

Against a running stack (CASEWORK_URL, CASEWORK_API_KEY as for bench/trigger.ts) and its store (MONGODB_URI, default
mongodb://127.0.0.1:\${MONGO_PORT:-27017}/, database \${MONGODB_DB:-casework}): makes a template and a queue, seeds
--cases open cases into the queue straight into the store (tags, assignees and SLAs varied), signs in a reviewer,
then per repetition opens #/cases?queue=<id> in a fresh headless Chromium context (1440 × 900) and times it until
the first page (25 rows) and the queue's counts are on screen; then, on that page, until the rows changed after
sorting by SLA, filtering by a tag, and Next.

  --cases N     cases in the queue (default 10000; enough for the Tags filter to leave two pages)
  --repeat N    repetitions (default 5)
  --write       write the results into docs/benchmarks.md (section "Reviewer console")
  -h, --help    this text`;

const heading = 'Reviewer console';
const repoRoot = path.resolve(import.meta.dirname, '..');
const viewport = { width: 1440, height: 900 };
const BATCH = 1_000;
const PAGE_SIZE = 25;

/** Whether seeded case n is tagged high-value, the tag the bench filters by (every 7th, unless it is tagged pep). */
const highValue = (n: number) => n % 7 === 0 && n % 5 !== 0;

/** The fewest cases to seed for the Tags filter to leave more than one page, so that the last step has a next page. */
function fewestCases(): number {
  let n = 0;
  for (let tagged = 0; tagged <= PAGE_SIZE; n++) if (highValue(n + 1)) tagged++;
  return n;
}

function seededCase(
  n: number,
  ids: { template: string; queue: string; key: string; suffix: string },
  now: number,
): CaseDocument {
  const at = new Date(now - n * 1000);
  const sla = n % 3 === 0 ? null : new Date(now + ((n % 50) - 5) * 600_000);
  const identity: NewCaseIdentity = {
    // Shaped like the runtime's ids (24 characters after the prefix), unique per run.
    _id: `case_zz${ids.suffix}${String(n).padStart(16, '0')}`,
    name: `${ids.key}-${n}`,
    templateId: ids.template,
    statuses: [
      { name: 'Open', type: 'initial' },
      { name: 'Pending', type: 'intermediate' },
      { name: 'Approved', type: 'end' },
    ],
    fieldSchemas: [{ key: 'amount', type: 'number', label: 'Amount', required: false }],
    status: n % 4 === 0 ? 'Pending' : 'Open',
    fields: { amount: n },
  };
  return newCaseDocument(identity, at, {
    queueId: ids.queue,
    tags: n % 5 === 0 ? ['pep'] : highValue(n) ? ['high-value'] : [],
    objectIds: [`inq_cons${n}`],
    slaExpiresAt: sla,
    slaExpiredAt: sla !== null && sla.getTime() < now ? sla : null,
    assigneeId: n % 2 === 0 ? `reviewer${n % 9}@example.com` : null,
  });
}

/**
 * Ms since the page's navigation started, once the expression `ready` holds in it (checked every animation frame).
 * Evaluated as a string, as bench/lib/editor-page.ts does: Playwright's `waitForFunction` builds a function in the
 * page, which its Content Security Policy (no eval) refuses.
 */
async function timeUntil(page: Page, ready: string): Promise<number> {
  return page.evaluate<number>(
    `new Promise((resolve, reject) => {
      const until = performance.now() + 60000;
      const check = () => {
        if (${ready}) resolve(performance.now());
        else if (performance.now() > until) reject(new Error('timed out waiting for: ' + ${JSON.stringify(ready)}));
        else requestAnimationFrame(check);
      };
      check();
    })`,
  );
}

/** Ms from `act` until the first row is another case than before and the list has settled. */
async function timeChange(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await page.getAttribute('[data-testid="case-row"]', 'data-case-id');
  const started = await page.evaluate<number>('performance.now()');
  await act();
  const row = `document.querySelector('[data-testid="case-row"]')`;
  const done = await timeUntil(
    page,
    `${row} !== null && ${row}.getAttribute('data-case-id') !== ${JSON.stringify(before)} && ` +
      `document.querySelector('.case-list[aria-busy="true"]') === null`,
  );
  return done - started;
}

interface Repetition {
  open: number;
  sort: number;
  filter: number;
  next: number;
}

async function measure(browser: Browser, url: string, queueId: string, cookie: SessionCookie): Promise<Repetition> {
  const context = await browser.newContext({ viewport });
  try {
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(url);
    const open = await timeUntil(
      page,
      `document.querySelectorAll('[data-testid="case-row"]').length === ${PAGE_SIZE} && ` +
        `document.querySelector('[data-queue="${queueId}"] [data-testid="open-count"]') !== null`,
    );
    const sort = await timeChange(page, () => page.getByRole('button', { name: 'SLA', exact: true }).click());
    const filter = await timeChange(page, async () => {
      await page.getByLabel('Tags').fill('high-value');
      await page.getByLabel('Tags').press('Enter');
    });
    const next = await timeChange(page, () => page.getByRole('button', { name: 'Next →' }).click());
    return { open, sort, filter, next };
  } finally {
    await context.close();
  }
}

/** A template, a queue, and `total` open cases in the queue, straight into the store. */
async function seed(api: ReturnType<typeof stackBenchContext>['api'], total: number, suffix: string) {
  const mongo = await connectBenchStore();
  try {
    const key = `CONS${suffix}`;
    const { data: template } = await api.expect<{ id: string }>(201, 'POST', '/case-templates', {
      data: {
        attributes: {
          name: `Console bench ${suffix}`,
          key,
          statuses: [
            { name: 'Open', type: 'initial' },
            { name: 'Pending', type: 'intermediate' },
            { name: 'Approved', type: 'end' },
          ],
          'field-schemas': [{ key: 'amount', type: 'number', label: 'Amount', required: false }],
        },
      },
    });
    const { data: queue } = await api.expect<{ id: string }>(201, 'POST', '/case-queues', {
      data: { attributes: { name: `Console bench ${suffix}` } },
    });
    const cases = createCaseRepository(mongo.db);
    const started = Date.now();
    for (let from = 0; from < total; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, total - from) }, (_, i) =>
        seededCase(from + i + 1, { template: template.id, queue: queue.id, key, suffix }, started),
      );
      await cases.importMany(batch);
    }
    const stored = await mongo.db.collection('cases').countDocuments();
    const took = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${total} cases seeded into queue ${queue.id} in ${took} s; the store holds ${stored}`);
    return { stored, queueId: queue.id };
  } finally {
    await mongo.client.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      repeat: { type: 'string', default: '5' },
      write: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const total = Number(values.cases);
  const repeat = Number(values.repeat);
  const fewest = fewestCases();
  if (!Number.isInteger(total) || total < fewest)
    throw new Error(`--cases must be an integer ≥ ${fewest} (the Tags filter must leave more than a page)`);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat must be an integer ≥ 1');
  const { facts, client, api } = stackBenchContext(repoRoot);
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const { stored, queueId } = await seed(api, total, suffix);
  const cookie = await signInOnce(api, client.baseUrl, suffix, 'reviewer', 'Console bench');
  const url = new URL(`/#/cases?queue=${queueId}`, `${client.baseUrl}/`).href;
  const browser = await launchChromium(repoRoot);
  const repetitions: Repetition[] = [];
  const chromium = browser.version();
  try {
    await measure(browser, url, queueId, cookie); // untimed: the api's and Chromium's first-use costs
    for (let index = 0; index < repeat; index++) {
      const repetition = await measure(browser, url, queueId, cookie);
      repetitions.push(repetition);
      console.log(
        `#${index + 1}: opened in ${ms(repetition.open)} ms; sort ${ms(repetition.sort)} ms, filter ${ms(repetition.filter)} ms, next page ${ms(repetition.next)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
  const row = (name: string, pick: (r: Repetition) => number) => {
    const stats = summarize(repetitions.map(pick));
    return [name, ms(stats.p50), ms(stats.max)];
  };
  const table = markdownTable(
    ['what', 'median ms', 'max ms'],
    [
      row(`open \`#/cases?queue=…\` (${total.toLocaleString('en')} cases in the queue)`, (r) => r.open),
      row('sort by SLA', (r) => r.sort),
      row('filter by a tag', (r) => r.filter),
      row('next page', (r) => r.next),
    ],
  );
  console.log(`\n${table}\n`);
  if (!values.write) return 0;
  const args = reportedArgs();
  const report = [
    wrap(
      `Measured ${facts.date} with \`node_modules/.bin/tsx bench/console.ts${args ? ` ${args}` : ''}\` on ` +
        `${facts.cpus} CPUs (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}, commit ` +
        `${facts.commit}; 1-minute load average ${facts.load} before the bench started. Headless Chromium ` +
        `${chromium}, ${viewport.width} × ${viewport.height}, against \`npm start\`'s stack (embedded store) ` +
        `holding ${stored.toLocaleString('en')} cases, ${total.toLocaleString('en')} of them open in the queue; ` +
        `${repeat} repetitions, each in a fresh browser context.`,
    ),
    wrap(
      '_open_: ms from navigation start until the page shows the first 25 rows and the queue’s counts (bundle, ' +
        'session, catalog, `POST /cases/search` and `GET /case-queues/counts` included); the others: ms from the ' +
        'click (or Enter) until other rows are shown and the list is no longer busy.',
    ),
    table,
  ].join('\n\n');
  writeBenchmarkSection(
    repoRoot,
    heading,
    report,
    'How fast the reviewer console opens a busy queue: cases seeded straight into the store, the console driven ' +
      'by playwright-core in headless Chromium, as a reviewer would use it. The goal (issue 13) is a list of a ' +
      '10,000-case queue open in under a second.',
  );
  return 0;
}

runBench(main);
