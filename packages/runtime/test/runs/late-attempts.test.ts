import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { caseEvents, createCase, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const TIMEOUT_MS = 60_000;

/** An attempt of the activity as Temporal would run it: scheduled `ageMs` ago with a one-minute StartToClose. */
const attempt = (ageMs: number, number = 1) =>
  new MockActivityEnvironment({
    attempt: number,
    startToCloseTimeoutMs: TIMEOUT_MS,
    currentAttemptScheduledTimestampMs: Date.now() - ageMs,
  });

// A case step whose attempt outlived its timeout has been given up on by Temporal: a retry follows, or the run fails
// at that step. Such an attempt must change nothing, or the run would not report a case (or a change) it made.
describe('case step attempts past their timeout', () => {
  let t: TestApp;
  let temporal: TemporalHandle;
  let runCaseStep: NonNullable<ReturnType<typeof workerActivities>['runCaseStep']>;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    const activity = workerActivities(domains, { db: t.db, clock: systemClock }).runCaseStep;
    if (!activity) throw new Error('the worker has no case step activity');
    runCaseStep = activity;
    templateId = (await createTemplate(t)).id;
  });
  afterAll(async () => {
    await t?.close();
    await temporal?.connection.close();
  });

  type StepResult = Awaited<ReturnType<typeof runCaseStep>>;
  const runAt = async (ageMs: number, number: number, step: Parameters<typeof runCaseStep>[0]) =>
    (await attempt(ageMs, number).run(runCaseStep, step)) as StepResult;

  const createStep = (runId: string) => ({
    runId,
    nodeId: 'create',
    kind: 'case.create' as const,
    params: { 'case-template-id': templateId, fields: { amount: 12_000 } },
    caseId: null,
  });

  it('creates no case when the attempt ran past its timeout, and one case over in-time retries', async () => {
    const runId = 'wfr_lateattemptcreate000001';
    await expect(attempt(TIMEOUT_MS + 1_000).run(runCaseStep, createStep(runId))).rejects.toThrow(/past its timeout/);
    expect(await t.db.collection('cases').countDocuments({ workflowRunIds: runId })).toBe(0);

    // The retry that follows creates the case; a further retry (its result lost) finds the same one.
    const first = await runAt(0, 2, createStep(runId));
    const again = await runAt(0, 3, createStep(runId));
    expect(again.case.id).toBe(first.case.id);
    expect(await t.db.collection('cases').countDocuments({ workflowRunIds: runId })).toBe(1);
    expect(await caseEvents(t, first.case.id)).toEqual(['case.created']);
  });

  it('changes nothing on an existing case when the attempt ran past its timeout', async () => {
    const kase = await createCase(t, templateId);
    const step = {
      runId: 'wfr_lateattempttags00000001',
      nodeId: 'tag',
      kind: 'case.add-tags' as const,
      params: { tags: ['late'] },
      caseId: kase.id,
    };
    await expect(attempt(TIMEOUT_MS + 1_000).run(runCaseStep, step)).rejects.toThrow(/past its timeout/);
    const untouched = await t.db.collection('cases').findOne({ _id: kase.id as never });
    expect(untouched).toMatchObject({ tags: [], version: 1, workflowRunIds: [] });
    expect(await caseEvents(t, kase.id)).toEqual(['case.created']);

    const done = await runAt(0, 2, step);
    expect(done.case.tags).toEqual(['late']);
    // Retried once more (the result was lost): applied once.
    await runAt(0, 3, step);
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.updated']);
  });
});
