import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { probe } from './exec.mjs';
import { createLog, UserFacingError } from './log.mjs';
import { isListening, waitFor } from './ports.mjs';
import { startProcess, untilReady } from './processes.mjs';
import { runtimeDir } from './paths.mjs';
import { fitVisibilityIndexes } from './temporal-visibility.mjs';

// Registered on the dev server so runs are findable by workflow, version and case in Temporal UI.
export const SEARCH_ATTRIBUTES = {
  CaseworkWorkflowId: 'Keyword',
  CaseworkVersionId: 'Keyword',
  CaseworkCaseIds: 'KeywordList',
};

/** Temporal CLI dev server with its Web UI; state in a SQLite file so a second start finds the first's runs. */
export async function startTemporal({
  temporalCli,
  port,
  uiPort,
  dbFile,
  headless = false,
  echo = true,
  ip = '127.0.0.1',
}) {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(port),
    '--db-filename',
    dbFile,
    '--log-level',
    'warn',
    // Write-ahead log: a commit appends to one file instead of rewriting pages through a rollback journal.
    '--sqlite-pragma',
    'journal_mode=wal',
    // No fsync per commit (SQLite syncs the log at checkpoints): with the WAL a commit still survives the server
    // being killed, though not a power cut, which is what the local store guarantees too (docs/architecture.md,
    // "The store"). Measured on the local stack: a quarter less of the dev server's CPU per run.
    '--sqlite-pragma',
    'synchronous=normal',
    // A write that meets the lock of the index fitting below waits for it instead of failing.
    '--sqlite-pragma',
    'busy_timeout=10000',
  ];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const proc = startProcess('temporal', temporalCli, args, { echo });
  const address = `${ip}:${port}`;
  await untilReady(
    proc,
    waitFor(() => probe(temporalCli, ['operator', 'cluster', 'health', '--address', address])?.includes('SERVING'), {
      timeoutMs: 90_000,
      intervalMs: 500,
      what: `Temporal at ${address}`,
    }),
  );
  // Only a throughput matter: a stack whose indexes could not be fitted still works, so this warns and goes on.
  const log = createLog('casework');
  let visibilityIndexes = null;
  try {
    const fitted = await fitVisibilityIndexes({
      temporalCli,
      address,
      dbFile,
      expected: Object.keys(SEARCH_ATTRIBUTES),
    });
    if (echo && fitted.dropped.length + fitted.created.length > 0) {
      log.info(
        `fitted Temporal's visibility indexes to the search attributes in use (${fitted.dropped.length} dropped, ${fitted.created.length} created)`,
      );
    }
    visibilityIndexes = fitted;
  } catch (error) {
    log.warn(`could not fit Temporal's visibility indexes to the search attributes in use: ${error.message}`);
  }
  return { proc, address, uiUrl: headless ? null : `http://localhost:${uiPort}`, visibilityIndexes };
}

// The store's page cache alone takes 256 MB; the rest is room for query results on a machine it shares.
const DEFAULT_STORE_HEAP = '768m';

function storeHeap(env) {
  const heap = env.CASEWORK_STORE_HEAP || DEFAULT_STORE_HEAP;
  if (!/^\d+[kmg]$/i.test(heap)) {
    throw new UserFacingError(`CASEWORK_STORE_HEAP=${heap} is not a Java heap size such as 768m or 2g.`);
  }
  return heap;
}

/** Extra JVM options for the store, from CASEWORK_STORE_JAVA_OPTS (whitespace-separated). */
function storeJavaOptions(env) {
  const options = (env.CASEWORK_STORE_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean);
  const odd = options.find((option) => !option.startsWith('-'));
  if (odd !== undefined) {
    throw new UserFacingError(
      `CASEWORK_STORE_JAVA_OPTS holds ${odd}, which is not a JVM option (such as -XX:TieredStopAtLevel=4).`,
    );
  }
  return options;
}

/**
 * The MongoDB-protocol store (mongo-java-server on an H2 file in `dataDir`), as built by `ensureMongoServer`;
 * ready once it has said so and its port accepts connections. Its JVM heap comes from CASEWORK_STORE_HEAP, further
 * JVM options from CASEWORK_STORE_JAVA_OPTS.
 */
export async function startMongoServer({ mongoServer, port, dataDir, echo = true, env = process.env }) {
  mkdirSync(dataDir, { recursive: true });
  let ready = false;
  const proc = startProcess(
    'mongo',
    mongoServer.java,
    [
      `-Xmx${storeHeap(env)}`,
      // A store that ran out of memory must stop visibly rather than answer some requests and fail others.
      '-XX:+ExitOnOutOfMemoryError',
      // The quick JIT only (C1): the optimizing one (C2) spent more CPU compiling than the store spent serving for
      // its first few hundred runs, to end up ~3 ms of CPU per run cheaper (docs/benchmarks.md, "The store's JIT").
      // A local stack is mostly cold; a store that serves for days may want C2 back (CASEWORK_STORE_JAVA_OPTS).
      '-XX:TieredStopAtLevel=1',
      // Last, so they override the above (the JVM takes the last of a repeated option).
      ...storeJavaOptions(env),
      '-cp',
      mongoServer.classpath,
      mongoServer.mainClass,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ],
    { echo, onLine: (line) => (ready ||= line.startsWith('mongo-server ready ')) },
  );
  await untilReady(
    proc,
    waitFor(async () => ready && (await isListening(port)), {
      timeoutMs: 60_000,
      what: `the MongoDB-protocol store on port ${port}`,
    }),
  );
  return { proc, uri: `mongodb://127.0.0.1:${port}/` };
}

// With two CPUs or fewer, the store, Temporal, the api and the worker already keep every CPU busy under load, and
// V8's parallel GC helper threads only compete with them: collecting on the process's own thread cost the worker
// 2–5% less CPU per run (docs/benchmarks.md, "Single-threaded GC").
const nodeFlags = () => (availableParallelism() <= 2 ? ['--single-threaded-gc'] : []);

const runtimeEnv = (env) => ({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', ...env });

/** The api (Fastify); ready when /readyz answers 200. */
export async function startApi({ env, port, echo = true }) {
  const proc = startProcess('api', process.execPath, [...nodeFlags(), '--import', 'tsx', 'src/server.ts'], {
    cwd: runtimeDir,
    env: runtimeEnv({ ...env, PORT: String(port) }),
    echo,
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(
    proc,
    waitFor(
      async () => {
        const response = await fetch(`${url}/readyz`).catch(() => null);
        return response?.status === 200;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: `the api at ${url}/readyz` },
    ),
  );
  return { proc, url };
}

/** The Temporal worker; ready when it logs that it is polling its task queue. */
export async function startWorker({ env, echo = true }) {
  let running = false;
  const proc = startProcess('worker', process.execPath, [...nodeFlags(), '--import', 'tsx', 'src/worker.ts'], {
    cwd: runtimeDir,
    env: runtimeEnv(env),
    echo,
    onLine: (line) => (running ||= /worker (is )?running|state.*RUNNING/i.test(line)),
  });
  await untilReady(
    proc,
    waitFor(() => running, { timeoutMs: 120_000, what: 'the worker to start polling' }),
  );
  return { proc };
}
