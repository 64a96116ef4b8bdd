import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkflowRunResource } from '../../packages/shared/src/index.ts';
import { RateLimitedError, type CaseworkClient } from './casework-client.ts';
import { summarize, type LatencySummary } from './latency-stats.ts';

export interface LevelOptions {
  workflowId: string;
  clients: number;
  runs: number;
  pollMs: number;
  timeoutMs: number;
  /** Makes the Idempotency-Keys of this bench invocation distinct from any earlier one. */
  keyPrefix: string;
  /** When set, clients start no new run after this many ms (`runs` stays the upper bound); runs under way finish. */
  durationMs?: number;
  /** Follow each run until it waits on `wait-resolved` (default true); false ends a run's sample at its case. */
  followUntilWaiting?: boolean;
  /**
   * Trigger with `Prefer: wait=30`: the answer comes once the run has settled (its case made, waiting on the
   * decision), so a run is polled only when the answer does not show that yet.
   */
  preferWait?: boolean;
  /** The case steps whose times the run view shows (node ids), read once the run waits on the decision. */
  caseStepIds?: readonly string[];
}

/** One run as the bench saw it; times in ms after its trigger request was sent. */
interface RunSample {
  runId: string | null;
  triggerMs: number | null;
  persistedMs: number | null;
  waitingMs: number | null;
  persistedAt: number | null;
  /** Each case step's time in the run view (its completed-at minus its started-at). */
  caseStepMs: number[];
  error: string | null;
}

export interface LevelResult {
  clients: number;
  runs: number;
  trigger: LatencySummary;
  persisted: LatencySummary;
  waiting: LatencySummary;
  /** Case steps as the run view times them, every case step of every run that reached the decision. */
  caseStep: LatencySummary;
  /** Cases persisted per second, from the first trigger to the last case. */
  casesPerSecond: number;
  wallSeconds: number;
  errors: number;
  errorSamples: string[];
  runIds: string[];
  /** Every request the level sent (triggers and polls), for the load it put on the api. */
  requests: number;
  /** The case of the first run that persisted one. */
  firstCaseId: string | null;
}

const isWaitingOnDecision = (run: WorkflowRunResource) =>
  run.attributes.status === 'waiting' &&
  run.attributes.steps.some((step) => step['node-id'] === 'wait-resolved' && step.status === 'waiting');

/**
 * `clients` closed-loop clients share `runs` runs: each triggers a run of the canonical workflow (a distinct
 * Idempotency-Key, a high-value payload) and polls it until its `case-ids` is non-empty — the case is persisted —
 * then triggers the next (with `durationMs`, only while the level is younger than that). Each run is then followed
 * in the background until it waits on `wait-resolved` (the interpreter has created the case, attached the report and
 * updated the fields), unless `followUntilWaiting` is false.
 */
export async function runLevel(api: CaseworkClient, options: LevelOptions): Promise<LevelResult> {
  const { clients, runs, pollMs, timeoutMs, durationMs, followUntilWaiting = true, preferWait = false } = options;
  const caseStepIds = new Set(options.caseStepIds);
  const samples: RunSample[] = [];
  const followers: Promise<void>[] = [];
  let next = 0;
  let requests = 0;
  let firstCaseId: string | null = null;
  const levelStart = performance.now();

  const getRun = async (runId: string) => {
    requests++;
    return (await api.expect<WorkflowRunResource>(200, 'GET', `/workflow-runs/${runId}`)).data;
  };

  // Polls until `done(run)`; resolves the ms after `start` and the run then, or throws when the run ends otherwise or
  // times out.
  const pollUntil = async (runId: string, start: number, done: (run: WorkflowRunResource) => boolean) => {
    for (;;) {
      const run = await getRun(runId);
      const elapsed = performance.now() - start;
      firstCaseId ??= run.attributes['case-ids'][0] ?? null;
      if (done(run)) return { elapsed, run };
      const { status, error } = run.attributes;
      if (status === 'errored' || status === 'canceled' || status === 'completed') {
        throw new Error(`run ${runId} ended ${status}${error ? `: ${error}` : ''}`);
      }
      if (elapsed > timeoutMs) throw new Error(`run ${runId} timed out after ${timeoutMs} ms (status ${status})`);
      await sleep(pollMs);
    }
  };

  const oneRun = async (index: number) => {
    const sample: RunSample = {
      runId: null,
      triggerMs: null,
      persistedMs: null,
      waitingMs: null,
      persistedAt: null,
      caseStepMs: [],
      error: null,
    };
    samples.push(sample);
    const id = `${options.keyPrefix}${clients}c-${index}`.replace(/[^A-Za-z0-9]/g, '');
    const start = performance.now();
    requests++;
    try {
      const { data: run } = await api.expect<WorkflowRunResource>(
        201,
        'POST',
        `/workflows/${options.workflowId}/trigger`,
        { data: { attributes: { fields: { 'inquiry-id': `inq_${id}`, 'report-id': `rep_${id}`, amount: 25_000 } } } },
        {
          'idempotency-key': `bench-trigger-${options.keyPrefix}-${clients}c-${index}`,
          ...(preferWait ? { prefer: 'wait=30' } : {}),
        },
      );
      sample.triggerMs = performance.now() - start;
      sample.runId = run.id;
      // What the answer already shows needs no poll.
      const answered = sample.triggerMs;
      const hasCase = (current: WorkflowRunResource) => current.attributes['case-ids'].length > 0;
      firstCaseId ??= run.attributes['case-ids'][0] ?? null;
      sample.persistedMs = hasCase(run) ? answered : (await pollUntil(run.id, start, hasCase)).elapsed;
      sample.persistedAt = performance.now() - levelStart;
      if (!followUntilWaiting) return;
      followers.push(
        (isWaitingOnDecision(run)
          ? Promise.resolve({ elapsed: answered, run })
          : pollUntil(run.id, start, isWaitingOnDecision)
        ).then(
          (waiting) => {
            sample.waitingMs = waiting.elapsed;
            sample.caseStepMs = stepTimes(waiting.run, caseStepIds);
          },
          (error: unknown) => void (sample.error = describe(error)),
        ),
      );
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      sample.error = describe(error);
    }
  };

  const starting = () => durationMs === undefined || performance.now() - levelStart < durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < runs && starting()) await oneRun(next++);
    }),
  );
  await Promise.all(followers);

  const values = (pick: (sample: RunSample) => number | null) =>
    samples.map(pick).filter((value): value is number => value !== null);
  const persistedAt = values((sample) => sample.persistedAt);
  const lastCase = Math.max(...persistedAt);
  const failed = samples.filter((sample) => sample.error !== null);
  return {
    clients,
    // Every run started (all of `runs` unless `durationMs` ended the level first).
    runs: samples.length,
    trigger: summarize(values((sample) => sample.triggerMs)),
    persisted: summarize(values((sample) => sample.persistedMs)),
    waiting: summarize(values((sample) => sample.waitingMs)),
    caseStep: summarize(samples.flatMap((sample) => sample.caseStepMs)),
    casesPerSecond: persistedAt.length > 0 ? persistedAt.length / (lastCase / 1000) : 0,
    wallSeconds: (performance.now() - levelStart) / 1000,
    errors: failed.length,
    errorSamples: [...new Set(failed.map((sample) => String(sample.error)))].slice(0, 5),
    runIds: samples.map((sample) => sample.runId).filter((runId): runId is string => runId !== null),
    requests,
    firstCaseId,
  };
}

/** What the run view shows each of `nodeIds` took: from its started-at to its completed-at. */
const stepTimes = (run: WorkflowRunResource, nodeIds: ReadonlySet<string>) =>
  run.attributes.steps.flatMap((step) =>
    nodeIds.has(step['node-id']) && step['started-at'] !== null && step['completed-at'] !== null
      ? [Date.parse(step['completed-at']) - Date.parse(step['started-at'])]
      : [],
  );

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The median time of a few `GET /cases/{id}`: one case read by `_id`, which should not grow with the number of
 * stored cases (see docs/benchmarks.md, "Reads at scale").
 */
export async function caseReadMs(api: CaseworkClient, caseId: string, times = 5): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await api.expect(200, 'GET', `/cases/${caseId}`);
    took.push(performance.now() - start);
  }
  return took.sort((a, b) => a - b)[Math.floor(times / 2)] ?? Number.NaN;
}

/** Cancels the level's runs (not timed): they would otherwise wait a day for a decision nobody makes. */
export async function cancelRuns(api: CaseworkClient, runIds: readonly string[], parallel = 4): Promise<number> {
  let next = 0;
  let canceled = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < runIds.length) {
        const response = await api.send('POST', `/workflow-runs/${runIds[next++]}/cancel`);
        if (response.status === 200) canceled++;
      }
    }),
  );
  return canceled;
}
