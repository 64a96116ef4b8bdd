import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlaScheduler, slaWorkflowId } from '../../src/cases/sla-scheduler.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createCaseSlaActivities, type SlaExpiry } from '../../src/temporal/activities/case-sla.activities.ts';
import { workflowsPath } from '../../src/temporal/worker-factory.ts';
import { cancelSignal, caseSla, rescheduleSignal } from '../../src/temporal/workflows/case-sla.workflow.ts';
import { testServices } from '../helpers/services.ts';

const taskQueue = 'case-sla-time-skipping';
const hours = (n: number) => n * 3_600_000;

interface RecordedExpiry {
  caseId: string;
  expiresAt: Date;
  /** The test server's (skipped) clock when the activity ran. */
  firedAt: Date;
}

// Temporal's time-skipping test server (installed by the bootstrap, never downloaded at test time): day-long SLA
// timers pass in moments. The case service behind the activity is replaced by a recorder of its calls.
describe('case SLA timer under the time-skipping server', () => {
  let testEnv: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    testEnv = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServices().temporalTestServer } },
    });
    workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: Runtime.instance().logger });
  });
  afterAll(async () => {
    await testEnv?.teardown();
  });

  function recordingSlaExpiry(): { calls: RecordedExpiry[]; slaExpiry: SlaExpiry } {
    const calls: RecordedExpiry[] = [];
    const slaExpiry: SlaExpiry = {
      async expireSla(caseId, expectedExpiresAt) {
        calls.push({ caseId, expiresAt: expectedExpiresAt, firedAt: new Date(await testEnv.currentTimeMs()) });
        return 'expired';
      },
    };
    return { calls, slaExpiry };
  }

  async function withWorker<T>(slaExpiry: SlaExpiry, fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: testEnv.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createCaseSlaActivities({ slaExpiry }),
    });
    return worker.runUntil(fn);
  }

  async function startTimer(caseId: string, expiresAt: Date) {
    return testEnv.client.workflow.start(caseSla, {
      workflowId: slaWorkflowId(caseId),
      taskQueue,
      args: [{ caseId, expiresAt: expiresAt.toISOString() }],
    });
  }

  it('fires exactly once when a 24-hour SLA runs out, and not before', async () => {
    const caseId = 'cas_sla24hAAAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const expiresAt = new Date((await testEnv.currentTimeMs()) + hours(24));
    const handle = await startTimer(caseId, expiresAt);

    const started = Date.now();
    const result = await withWorker(slaExpiry, async () => {
      await testEnv.sleep('23h');
      expect(calls).toEqual([]);
      return handle.result();
    });

    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt, firedAt: expect.any(Date) }]);
    expect(calls[0]?.firedAt.getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
  });

  it('moves the deadline when rescheduled to a later time', async () => {
    const caseId = 'cas_slaLaterAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const now = await testEnv.currentTimeMs();
    const later = new Date(now + hours(5));
    const handle = await startTimer(caseId, new Date(now + hours(1)));
    await handle.signal(rescheduleSignal, { expiresAt: later.toISOString() });

    const result = await withWorker(slaExpiry, async () => {
      await testEnv.sleep('2h');
      expect(calls).toEqual([]);
      return handle.result();
    });

    expect(result).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt: later, firedAt: expect.any(Date) }]);
    expect(calls[0]?.firedAt.getTime()).toBeGreaterThanOrEqual(later.getTime());
  });

  it('fires at the earlier deadline when rescheduled to an earlier time', async () => {
    const caseId = 'cas_slaEarlierAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const now = await testEnv.currentTimeMs();
    const earlier = new Date(now + hours(2));
    const handle = await startTimer(caseId, new Date(now + hours(24)));
    await handle.signal(rescheduleSignal, { expiresAt: earlier.toISOString() });

    expect(await withWorker(slaExpiry, () => handle.result())).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt: earlier, firedAt: expect.any(Date) }]);
    expect(calls[0]?.firedAt.getTime()).toBeGreaterThanOrEqual(earlier.getTime());
    expect(calls[0]?.firedAt.getTime()).toBeLessThan(now + hours(3));
  });

  it('fires promptly when rescheduled to a deadline already past', async () => {
    const caseId = 'cas_slaPastAAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const now = await testEnv.currentTimeMs();
    const past = new Date(now - 60_000);
    const handle = await startTimer(caseId, new Date(now + hours(24)));
    await handle.signal(rescheduleSignal, { expiresAt: past.toISOString() });

    expect(await withWorker(slaExpiry, () => handle.result())).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt: past, firedAt: expect.any(Date) }]);
    expect(calls[0]?.firedAt.getTime()).toBeLessThan(now + 60_000);
  });

  it('ends without firing when canceled', async () => {
    const caseId = 'cas_slaCanceledAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const handle = await startTimer(caseId, new Date((await testEnv.currentTimeMs()) + hours(1)));
    await handle.signal(cancelSignal);

    const result = await withWorker(slaExpiry, async () => {
      const outcome = await handle.result();
      await testEnv.sleep('2h');
      return outcome;
    });

    expect(result).toBe('canceled');
    expect(calls).toEqual([]);
  });

  it('applies signals that arrive before its first task in the order they were sent', async () => {
    // No worker yet, as while a delayed start sleeps: the timer's first task finds all three signals at once.
    const caseId = 'cas_slaOrderAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const now = await testEnv.currentTimeMs();
    const handle = await startTimer(caseId, new Date(now + hours(1)));
    const reopened = new Date(now + hours(2));
    await handle.signal(rescheduleSignal, { expiresAt: new Date(now + hours(1)).toISOString() });
    await handle.signal(cancelSignal);
    await handle.signal(rescheduleSignal, { expiresAt: reopened.toISOString() });

    expect(await withWorker(slaExpiry, () => handle.result())).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt: reopened, firedAt: expect.any(Date) }]);
  });

  it('ignores a reschedule without a deadline and fires at the one it has', async () => {
    const caseId = 'cas_slaNoDeadlineAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const expiresAt = new Date((await testEnv.currentTimeMs()) + hours(1));
    const handle = await startTimer(caseId, expiresAt);
    await handle.signal('caseSla.reschedule');
    await handle.signal('caseSla.reschedule', { expiresAt: 42 });

    expect(await withWorker(slaExpiry, () => handle.result())).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt, firedAt: expect.any(Date) }]);
  });

  it('keeps one execution when scheduled twice, firing once at the last deadline', async () => {
    const caseId = 'cas_slaTwiceAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const scheduler = createSlaScheduler({ client: testEnv.client, taskQueue, clock: systemClock });
    const now = await testEnv.currentTimeMs();
    const last = new Date(now + hours(3));
    await scheduler.schedule(caseId, new Date(now + hours(2)));
    await scheduler.schedule(caseId, last);

    const handle = testEnv.client.workflow.getHandle(slaWorkflowId(caseId));
    const execution = await handle.describe();
    expect(execution).toMatchObject({ type: 'caseSla', status: { name: 'RUNNING' } });
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((event) => event.workflowExecutionStartedEventAttributes)).toHaveLength(1);
    expect(events.filter((event) => event.workflowExecutionSignaledEventAttributes)).toHaveLength(2);

    const run = testEnv.client.workflow.getHandle(slaWorkflowId(caseId), execution.runId);
    expect(await withWorker(slaExpiry, () => run.result())).toBe('expired');
    expect((await handle.describe()).runId).toBe(execution.runId);
    expect(calls).toEqual([{ caseId, expiresAt: last, firedAt: expect.any(Date) }]);
    expect(calls[0]?.firedAt.getTime()).toBeGreaterThanOrEqual(last.getTime());
  });

  it('starts a fresh timer when scheduled again after a cancel', async () => {
    const caseId = 'cas_slaAgainAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const scheduler = createSlaScheduler({ client: testEnv.client, taskQueue, clock: systemClock });
    await scheduler.cancel(caseId); // nothing scheduled yet: a no-op
    const now = await testEnv.currentTimeMs();
    await scheduler.schedule(caseId, new Date(now + hours(1)));
    const first = await testEnv.client.workflow.getHandle(slaWorkflowId(caseId)).describe();

    await withWorker(slaExpiry, async () => {
      await scheduler.cancel(caseId);
      expect(await testEnv.client.workflow.getHandle(first.workflowId, first.runId).result()).toBe('canceled');
    });
    await scheduler.cancel(caseId); // already canceled: a no-op
    const again = new Date(now + hours(2));
    await scheduler.schedule(caseId, again);
    const second = await testEnv.client.workflow.getHandle(slaWorkflowId(caseId)).describe();
    expect(second.runId).not.toBe(first.runId);

    const result = await withWorker(slaExpiry, () =>
      testEnv.client.workflow.getHandle(second.workflowId, second.runId).result(),
    );
    expect(result).toBe('expired');
    expect(calls).toEqual([{ caseId, expiresAt: again, firedAt: expect.any(Date) }]);
  });

  it('continues as new with the current deadline after many reschedules', async () => {
    const caseId = 'cas_slaManyAAAAAAAAAAAAAAA';
    const { calls, slaExpiry } = recordingSlaExpiry();
    const now = await testEnv.currentTimeMs();
    const handle = await startTimer(caseId, new Date(now + hours(1)));
    let last = new Date(now);
    for (let i = 1; i <= 501; i++) {
      last = new Date(now + hours(1) + i * 1000);
      await handle.signal(rescheduleSignal, { expiresAt: last.toISOString() });
    }

    expect(await withWorker(slaExpiry, () => handle.result())).toBe('expired');
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
    expect(calls).toEqual([{ caseId, expiresAt: last, firedAt: expect.any(Date) }]);
  });
});
