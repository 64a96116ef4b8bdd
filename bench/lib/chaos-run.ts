// Faults, with nothing lost (bench/chaos.ts and packages/runtime/test/deploy/chaos.test.ts): a stack of its own
// under a steady load while its services are SIGKILLed in turn, then the store's verdict.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectMongo } from '../../packages/runtime/src/platform/db/mongo.ts';
import { generateApiKey } from '../../scripts/lib/api-key.mjs';
import { firstAdmin } from '../../scripts/lib/first-admin.mjs';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startStack } from '../../scripts/lib/stack.mjs';
import { checkStore, waitForRunsToEnd, type Verdict } from './chaos-check.ts';
import { faultPlan, injectFaults, type Fault, type ServiceName, type SupervisedService } from './chaos-faults.ts';
import { newAccepted, runClients, runReviewer } from './chaos-load.ts';
import { createTemporalHandle } from '../../packages/runtime/src/temporal/client.ts';
import { createCaseworkClient } from './casework-client.ts';
import { setUpReviewWorkflow } from './review-workflow-setup.ts';

interface RunView {
  status: string;
  stuck: unknown;
  steps: { 'node-id': string; status: string; error: string | null }[];
}

export interface ChaosOptions {
  repoRoot: string;
  log: { info(line: string): void; warn(line: string): void; error(line: string): void };
  clients: number;
  /** Triggers a second, all clients together. */
  rate: number;
  workerKills: number;
  /** The other services killed once each, spread among the worker kills in this order. */
  others: ServiceName[];
  /** Pause after a killed service is back, before the next kill (and before the first). */
  gapMs: number;
  /** Approvals under way at once. */
  reviewers: number;
  /** How long the runs may make no progress after the load before the check counts what has not ended. */
  stallMs: number;
}

export interface ChaosResult {
  accepted: { triggers: number; creates: number; comments: number; approvals: number; total: number };
  /** Answers that were not yet an acceptance (5xx, 409, no connection): each was retried with its key. */
  retries: number;
  faults: Fault[];
  loadSeconds: number;
  /** From the end of the load until every run had ended. */
  drainSeconds: number;
  verdict: Verdict;
}

/** What Temporal holds of a run that did not end: its status, what it waits for, and its last history events. */
async function temporalSide(address: string, runId: string): Promise<string> {
  const temporal = createTemporalHandle({ address, namespace: 'default', taskQueue: 'unused' });
  try {
    const handle = temporal.client.workflow.getHandle(runId);
    const { status, historyLength, raw } = await handle.describe();
    const pending = (raw.pendingActivities ?? []).map(
      (activity) =>
        `${activity.activityType?.name} attempt ${activity.attempt} (${activity.lastFailure?.message ?? 'no failure'})`,
    );
    const events = ((await handle.fetchHistory()).events ?? []).slice(-8).map((event) => {
      const [kind] = Object.keys(event).filter((key) => key.endsWith('Attributes') && event[key as keyof typeof event]);
      return kind?.replace(/EventAttributes$/, '') ?? String(event.eventType);
    });
    const task = raw.pendingWorkflowTask ? `, workflow task attempt ${raw.pendingWorkflowTask.attempt}` : '';
    return `${status.name}, ${historyLength} events${task}; pending ${pending.join('; ') || 'nothing'}; last: ${events.join(' → ')}`;
  } catch (error) {
    return `no answer (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await temporal.connection.close().catch(() => {});
  }
}

/** Clean: nothing lost or doubled and every accepted trigger's run completed. */
export const isClean = ({ verdict, accepted }: ChaosResult) =>
  verdict.items.every((item) => item.lost === 0 && item.doubled === 0) && verdict.runsCompleted === accepted.triggers;

/** The environment the stack's processes inherit, for the length of `body`. */
async function withEnv<T>(values: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    return await body();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

export function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  // A rate limit the load never meets; warnings only, or the api and worker drown the output.
  return withEnv({ RATE_LIMIT_MAX: '10000000', RATE_LIMIT_WINDOW_SECONDS: '1', LOG_LEVEL: 'warn' }, () =>
    chaosOnOwnStack(opts),
  );
}

async function chaosOnOwnStack(opts: ChaosOptions): Promise<ChaosResult> {
  const { log } = opts;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-chaos-'));
  const apiKey = generateApiKey();
  // Its own store and Temporal, whatever the caller's environment points at: they are what gets killed.
  const { MONGODB_URI: _m, TEMPORAL_ADDRESS: _t, ...env } = process.env;
  const stack = await startStack({
    log,
    dataDir,
    apiKey,
    admin: firstAdmin({}),
    env,
    editorDir: null,
    onGiveUp: (reason: string) => log.error(reason),
    headless: true,
    echo: false,
    ports: { api: 0, temporal: await freePort(), temporalUi: 0, mongo: 0 },
    // Every kill is a crash to the supervisor: it must restart each one, 1 s after (kills come further apart
    // than the window, so the backoff does not grow as it would for a crash loop).
    supervision: { maxCrashes: 1_000, windowMs: 2_000 },
  });
  const mongo = await connectMongo(String(stack.mongodbUri), 'casework');
  try {
    const api = createCaseworkClient({ baseUrl: stack.apiUrl, apiKey });
    const workflow = await setUpReviewWorkflow(api, opts.repoRoot);
    const accepted = newAccepted();
    const plan = faultPlan(opts.workerKills, opts.others);
    let loading = true;
    let reviewing = true;

    const started = Date.now();
    const load = { api, workflow, accepted };
    const clients = runClients({
      ...load,
      keyPrefix: Date.now().toString(36),
      clients: opts.clients,
      rate: opts.rate,
      loading: () => loading,
    });
    const reviewer = runReviewer(load, { concurrency: opts.reviewers, reviewing: () => reviewing });
    let faults: Fault[];
    try {
      faults = await injectFaults(stack.services as SupervisedService[], plan, {
        gapMs: opts.gapMs,
        onFault: (fault, i) =>
          log.info(
            `fault ${i + 1}/${plan.length}: killed ${fault.service}, back in ${(fault.backMs / 1000).toFixed(1)} s ` +
              `(${accepted.runs.size} triggers accepted so far)`,
          ),
      });
    } finally {
      loading = false;
      await clients.catch(() => {});
    }
    await clients;
    const loadSeconds = (Date.now() - started) / 1000;
    log.info(
      `load done in ${loadSeconds.toFixed(0)} s: ${accepted.runs.size} triggers, ${accepted.cases.size} cases ` +
        'created and commented; waiting for every run to end',
    );

    const drainStart = Date.now();
    try {
      await waitForRunsToEnd(mongo.db, workflow, accepted.runs.size, {
        stallMs: opts.stallMs,
        onProgress: (ended) => log.info(`${ended} of ${accepted.runs.size} runs ended`),
      });
    } finally {
      reviewing = false;
      await reviewer;
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const verdict = await checkStore(mongo.db, workflow, accepted);
    // Why a run did not end, as the run view tells it (its live state, or why its workflow task keeps failing).
    for (const { runId } of verdict.unfinished.slice(0, 5)) {
      const view = await api.send('GET', `/workflow-runs/${runId}`).catch(() => null);
      const run = (view?.body as { data?: { attributes: RunView } } | undefined)?.data?.attributes;
      const steps = run?.steps.map(
        (step) => `${step['node-id']} ${step.status}${step.error ? ` (${step.error})` : ''}`,
      );
      verdict.samples.push(
        run
          ? `run ${runId} is ${run.status}${run.stuck ? `, stuck: ${JSON.stringify(run.stuck)}` : ''}; ${steps?.join(', ')}`
          : `run ${runId}: ${view ? view.status : 'no answer'}`,
      );
      verdict.samples.push(`  in Temporal: ${await temporalSide(String(stack.temporalAddress), runId)}`);
    }
    const triggers = accepted.runs.size;
    const creates = accepted.cases.size;
    return {
      accepted: {
        triggers,
        creates,
        comments: creates,
        approvals: accepted.approvals.size,
        total: triggers + 2 * creates + accepted.approvals.size,
      },
      retries: accepted.retries,
      faults,
      loadSeconds,
      drainSeconds,
      verdict,
    };
  } finally {
    await mongo.client.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
