// The verdict of bench/chaos.ts, read from the store itself: after the faults, every request the api accepted left
// exactly one run, case and event, every run ended completed, and each run's steps took effect once.
import type { MongoHandle } from '../../packages/runtime/src/platform/db/mongo.ts';
import type { Accepted } from './chaos-load.ts';
import type { ReviewWorkflow } from './review-workflow-setup.ts';

type Db = MongoHandle['db'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `expected` runs of the workflow have ended in the store and no case has events left to publish, or
 * until nothing moved for `stallMs` (a run whose workflow tasks were lost to several kills in a row is retried by
 * Temporal with a growing backoff: give it minutes). Resolves how many runs ended.
 */
export async function waitForRunsToEnd(
  db: Db,
  workflow: ReviewWorkflow,
  expected: number,
  { stallMs, onProgress }: { stallMs: number; onProgress?: (ended: number) => void },
): Promise<number> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const final = ['completed', 'errored', 'canceled'];
    // Ended: stored as ended, and its `workflow-run.<status>` recorded (the last thing a run's workflow does).
    const stored = await db
      .collection('workflow_runs')
      .countDocuments({ workflowId: workflow.workflowId, status: { $in: final } });
    const recorded = await db.collection('events').countDocuments({
      'payload.workflow-id': workflow.workflowId,
      name: { $in: final.map((status) => `workflow-run.${status}`) },
    });
    const ended = Math.min(stored, recorded);
    const dirty = await db.collection('cases').countDocuments({ templateId: workflow.templateId, dirty: true });
    if (ended >= expected && dirty === 0) return ended;
    if (ended !== last) {
      last = ended;
      movedAt = Date.now();
      onProgress?.(ended);
    } else if (Date.now() - movedAt > stallMs) {
      return ended;
    }
    await sleep(2_000);
  }
}

/** One kind of item: how many the accepted requests call for, and how many of them are missing or extra. */
export interface ItemCount {
  kind: string;
  expected: number;
  lost: number;
  doubled: number;
}

export interface Verdict {
  items: ItemCount[];
  runsCompleted: number;
  /** The accepted runs that did not complete, with the status the store has for them. */
  unfinished: { runId: string; status: string }[];
  /** A few of the problems found, to start looking from. */
  samples: string[];
}

interface StoredRun {
  _id: string;
  status: string;
}
interface StoredCase {
  _id: string;
  workflowRunIds: string[];
  objectIds: string[];
  fields: Record<string, unknown>;
}
interface StoredEvent {
  caseId: string | null;
  runId?: string;
  name: string;
}

/** Reads the store in a few scans (every query but by `_id` scans its collection) and counts. */
export async function checkStore(db: Db, workflow: ReviewWorkflow, accepted: Accepted): Promise<Verdict> {
  const runs = await db
    .collection<StoredRun>('workflow_runs')
    .find({ workflowId: workflow.workflowId }, { projection: { status: 1 } })
    .toArray();
  const cases = await db
    .collection<StoredCase>('cases')
    .find({ templateId: workflow.templateId }, { projection: { workflowRunIds: 1, objectIds: 1, fields: 1 } })
    .toArray();
  // The stack is the bench's own: every event in it is one of this load's.
  const events = await db
    .collection<StoredEvent>('events')
    .find({}, { projection: { caseId: 1, runId: 1, name: 1 } })
    .toArray();

  const samples: string[] = [];
  const seen = new Map<string, number>();
  /** Keeps the first three of each kind of problem (`what` without its ids). */
  const note = (problem: string) => {
    const kind = problem.replace(/\b[a-z]+_[\w-]+/g, '…');
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    if ((seen.get(kind) ?? 0) <= 3) samples.push(problem);
  };
  const tally = (kind: string) => ({ kind, expected: 0, lost: 0, doubled: 0 });
  /** Expects `found` to be 1 for `what`, counting a miss or the extras. */
  const once = (count: ItemCount, found: number, what: string) => {
    count.expected++;
    if (found === 0) {
      count.lost++;
      note(`${count.kind}: none for ${what}`);
    } else if (found > 1) {
      count.doubled += found - 1;
      note(`${count.kind}: ${found} for ${what}`);
    }
  };
  const group = <T>(items: T[], keyOf: (item: T) => string | null | undefined) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = keyOf(item);
      if (!key) continue;
      const members = groups.get(key);
      if (members) members.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };

  const runCounts = tally('runs');
  const runsById = new Map(runs.map((run) => [String(run._id), run]));
  const acceptedRunIds = new Set(accepted.runs.values());
  for (const [key, runId] of accepted.runs) once(runCounts, runsById.has(runId) ? 1 : 0, `trigger ${key}`);
  // A run nobody was answered with: a trigger that ran twice.
  for (const run of runs) {
    if (!acceptedRunIds.has(String(run._id))) {
      runCounts.doubled++;
      note(`runs: ${String(run._id)} answers no accepted trigger`);
    }
  }
  const unfinished = [...acceptedRunIds]
    .map((runId) => ({ runId, status: runsById.get(runId)?.status ?? 'missing' }))
    .filter((run) => run.status !== 'completed');
  const runsCompleted = acceptedRunIds.size - unfinished.length;

  const casesOfRun = group(cases, (kase) => kase.workflowRunIds[0]);
  const casesOfKey = group(cases, (kase) => kase.objectIds.find((id) => id.startsWith('doc_'))?.slice(4));
  const eventsOf = group(events, (event) => `${event.caseId ?? event.runId}:${event.name}`);
  const eventCount = (id: string, name: string) => eventsOf.get(`${id}:${name}`)?.length ?? 0;

  const caseCounts = tally('cases');
  const eventCounts = tally('events');
  const stepCounts = tally('step effects');
  for (const runId of acceptedRunIds) {
    const found = casesOfRun.get(runId) ?? [];
    once(caseCounts, found.length, `run ${runId}`);
    once(eventCounts, eventCount(runId, 'workflow-run.created'), `workflow-run.created of ${runId}`);
    once(eventCounts, eventCount(runId, 'workflow-run.completed'), `workflow-run.completed of ${runId}`);
    const kase = found[0];
    if (!kase) continue;
    once(eventCounts, eventCount(kase._id, 'case.created'), `case.created of ${kase._id}`);
    once(eventCounts, eventCount(kase._id, 'case.resolved'), `case.resolved of ${kase._id}`);
    const notes = Array.isArray(kase.fields.notes) ? kase.fields.notes.length : 0;
    once(stepCounts, notes, `the review-started note of ${kase._id}`);
    once(stepCounts, kase.fields.decision === 'approved' ? 1 : 0, `the decision of ${kase._id}`);
  }
  for (const [key, { caseId }] of accepted.cases) {
    const found = casesOfKey.get(key) ?? [];
    once(caseCounts, found.some((kase) => kase._id === caseId) ? found.length : 0, `create ${key}`);
    once(eventCounts, eventCount(caseId, 'case.created'), `case.created of ${caseId}`);
    once(eventCounts, eventCount(caseId, 'case.commented'), `case.commented of ${caseId}`);
  }
  // A case of the template that answers no accepted request: a create that ran twice (or a stray).
  const strays =
    [...casesOfRun].filter(([runId]) => !acceptedRunIds.has(runId)).reduce((sum, [, found]) => sum + found.length, 0) +
    [...casesOfKey].filter(([key]) => !accepted.cases.has(key)).reduce((sum, [, found]) => sum + found.length, 0);
  const unkeyed = cases.filter(
    (kase) => !kase.workflowRunIds[0] && !kase.objectIds.some((id) => id.startsWith('doc_')),
  );
  caseCounts.doubled += strays + unkeyed.length;
  if (strays + unkeyed.length > 0) note(`cases: ${strays + unkeyed.length} answer no accepted request`);

  for (const [kind, count] of seen) if (count > 3) samples.push(`… and ${count - 3} more of "${kind}"`);
  return { items: [runCounts, caseCounts, eventCounts, stepCounts], runsCompleted, unfinished, samples };
}
