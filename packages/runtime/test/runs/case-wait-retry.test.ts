import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { runCollections } from '../../src/runs/workflow-run-collections.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { caseAction, createCase, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// A worker SIGKILLed in the middle of a workflow task loses the whole task: the new worker runs it again, later,
// with a later clock. If the first try had registered the run's wait and the case was resolved before the new
// worker got there, the run must still see the resolution instead of waiting for its timeout (bench/chaos.ts
// found runs left waiting this way).
describe('a case wait opened again after its worker died', () => {
  let t: TestApp;
  let temporal: TemporalHandle;
  let openCaseWait: NonNullable<ReturnType<typeof workerActivities>['openCaseWait']>;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    const activity = workerActivities(domains, { db: t.db, clock: systemClock }).openCaseWait;
    if (!activity) throw new Error('the worker has no case wait activity');
    openCaseWait = activity;
    templateId = (await createTemplate(t)).id;
  });
  afterAll(async () => {
    await t?.close();
    await temporal?.connection.close();
  });

  /** The run as its first try stored it: waiting at `wait` since `startedAt`. */
  async function storeRun(runId: string, startedAt: Date) {
    const now = new Date();
    await runCollections(t.db).workflowRuns.insertOne({
      _id: runId,
      workflowId: 'wfl_waitretry',
      versionId: 'wfv_waitretry',
      versionNumber: 1,
      trigger: { kind: 'api' },
      input: {},
      status: 'waiting',
      steps: [
        {
          'node-id': 'wait',
          status: 'waiting',
          'started-at': startedAt.toISOString(),
          'completed-at': null,
          attempts: 0,
          output: null,
          error: null,
        },
      ],
      caseIds: [],
      error: null,
      temporalRunId: null,
      seq: 3,
      creator: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    });
  }

  const open = (runId: string, caseId: string, since: Date) =>
    new MockActivityEnvironment().run(openCaseWait, {
      runId,
      nodeId: 'wait',
      caseId,
      events: ['case.resolved' as const],
      since: since.toISOString(),
    }) as ReturnType<typeof openCaseWait>;

  it('finds the resolution recorded after the first try began waiting', async () => {
    const kase = await createCase(t, templateId);
    const firstTry = new Date();
    await storeRun('wfr_waitretry0000000000001', firstTry);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await caseAction(t, kase.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const match = await open('wfr_waitretry0000000000001', kase.id, new Date());
    expect(match?.event.name).toBe('case.resolved');
    expect(match?.case.status).toBe('approved');
  });

  it('still ignores a resolution from before the wait began', async () => {
    const kase = await createCase(t, templateId);
    expect((await caseAction(t, kase.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await storeRun('wfr_waitretry0000000000002', new Date());

    expect(await open('wfr_waitretry0000000000002', kase.id, new Date())).toBeNull();
  });
});
