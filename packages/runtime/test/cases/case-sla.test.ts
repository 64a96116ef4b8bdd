import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaWorkflowId } from '../../src/cases/sla-scheduler.ts';
import {
  caseAction,
  caseEvents,
  createCase,
  createQueue,
  createTemplate,
  type CaseBody,
} from '../helpers/case-fixtures.ts';
import { eventually } from '../helpers/eventually.ts';
import { connectTemporal } from '../helpers/temporal.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startWorkerProcess } from '../helpers/worker-process.ts';

/** Long enough for a request to be answered before the deadline on a busy machine; each test checks it was. */
const SLA_SECONDS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (iso: unknown) => Date.parse(String(iso));
type Temporal = Awaited<ReturnType<typeof connectTemporal>>;

async function getCase(t: TestApp, id: string): Promise<CaseBody> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: t.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as CaseBody;
}

/**
 * The test's premise: the change was answered while the SLA still ran. The answer comes after the timer was told
 * (signal sent and recorded), so the timer sees the change before its deadline fires.
 */
const expectAnsweredBeforeDeadline = (deadline: number) =>
  expect(Date.now(), 'answered after the deadline: the machine is too slow for this test').toBeLessThan(deadline);

const breached = (t: TestApp, id: string, timeoutMs = 15_000) =>
  eventually(
    async () => {
      const kase = await getCase(t, id);
      return kase.attributes['sla-expired-at'] ? kase : undefined;
    },
    { timeoutMs, what: `case ${id} to breach its SLA` },
  );

/** Every run of the case's SLA timer, oldest first, once Temporal's visibility shows them all closed. */
const closedSlaRuns = (temporal: Temporal, caseId: string) =>
  eventually(
    async () => {
      const runs: { runId: string; status: string }[] = [];
      for await (const run of temporal.client.workflow.list({ query: `WorkflowId = '${slaWorkflowId(caseId)}'` })) {
        runs.push({ runId: run.runId, status: run.status.name });
      }
      return runs.length > 0 && runs.every((run) => run.status !== 'RUNNING') ? runs.reverse() : undefined;
    },
    { timeoutMs: 10_000, what: `the SLA timer runs of ${caseId} to be listed as closed` },
  );

/** Waits for the latest run of the case's SLA timer to end; its result and status. */
async function slaOutcome(temporal: Temporal, caseId: string) {
  const handle = temporal.client.workflow.getHandle(slaWorkflowId(caseId));
  const result: unknown = await handle.result();
  return { result, status: (await handle.describe()).status.name };
}

// docs/architecture.md, "Cases" end to end: the Cases API, a real Temporal dev server, an in-process worker, the real store.
describe.concurrent('case SLA timers on the real stack', () => {
  let t: TestApp;
  let temporal: Temporal;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let breachQueue: { id: string };
  let template: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    temporal = await connectTemporal(t.env);
    worker = await startInProcessWorker(t);
    breachQueue = await createQueue(t, 'SLA breaches');
    template = await createTemplate(t, { 'sla-breach-queue-id': breachQueue.id });
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await t.close();
  });

  const patchSla = (id: string, seconds: number | null) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${id}`,
      headers: t.auth,
      payload: { meta: { 'sla-expires-in-seconds': seconds } },
    });

  // First, as the longest. Its own app, database and task queue, so the in-process worker cannot fire this timer.
  it('breaches exactly once after the worker is killed while the timer is pending', async () => {
    const own = await createTestApp();
    const ownTemporal = await connectTemporal(own.env);
    const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];
    try {
      workers.push(await startWorkerProcess(own.env));
      const queue = await createQueue(own, 'Breached');
      const ownTemplate = await createTemplate(own, { 'sla-breach-queue-id': queue.id });
      const kase = await createCase(own, ownTemplate.id, { meta: { 'sla-expires-in-seconds': 10 } });
      const expiresAt = at(kase.attributes['sla-expires-at']);
      const pending = await eventually(
        async () => {
          const counts = await ownTemporal.historyCounts(slaWorkflowId(kase.id));
          return counts.workflowExecutionStarted ? counts : undefined;
        },
        { timeoutMs: expiresAt - Date.now(), what: 'the SLA timer to start before its deadline' },
      );
      // The timer's workflow starts delayed until the deadline: no workflow task (no worker work) before it.
      expect(pending.workflowTaskScheduled ?? 0).toBe(0);
      await workers[0]?.kill();
      expect(Date.now(), 'the worker was killed after the deadline: the machine is too slow').toBeLessThan(expiresAt);

      // With no worker the deadline passes and nothing happens: the timer's state is all in Temporal.
      await sleep(expiresAt - Date.now() + 1_500);
      expect((await getCase(own, kase.id)).attributes['sla-expired-at']).toBeNull();

      workers.push(await startWorkerProcess(own.env));
      const done = await breached(own, kase.id, 60_000);
      expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(expiresAt);
      expect(done.relationships['case-queue']?.data).toEqual({ type: 'case-queue', id: queue.id });
      expect(await slaOutcome(ownTemporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
      expect(await caseEvents(own, kase.id)).toEqual([
        'case.created',
        'case.sla-set',
        'case.sla-expired',
        'case.queue-updated',
      ]);
      const counts = await ownTemporal.historyCounts(slaWorkflowId(kase.id));
      expect(counts.timerStarted ?? 0).toBe(0);
      expect(counts).toMatchObject({
        activityTaskCompleted: 1,
        workflowExecutionCompleted: 1,
      });
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await ownTemporal.close();
      await own.close();
    }
  });

  it('breaches once when the deadline passes, moving the case to the breach queue', async () => {
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': 2 } });
    const expiresAt = at(kase.attributes['sla-expires-at']);
    expect(expiresAt - at(kase.attributes['created-at'])).toBe(2_000);
    expect(kase.attributes['sla-expired-at']).toBeNull();

    const done = await breached(t, kase.id);
    expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(expiresAt);
    expect(done.relationships['case-queue']?.data).toEqual({ type: 'case-queue', id: breachQueue.id });
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.sla-set',
      'case.sla-expired',
      'case.queue-updated',
    ]);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases?filter[sla-expired]=true&filter[case-queue-id]=${breachQueue.id}&page[size]=100`,
      headers: t.auth,
    });
    expect(listed.json().data.map((listedCase: { id: string }) => listedCase.id)).toContain(kase.id);

    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
    // (No timer assertion: on a busy machine the first workflow task may start after a 2-second deadline.)
    expect(await temporal.historyCounts(slaWorkflowId(kase.id))).toMatchObject({ activityTaskCompleted: 1 });
  });

  it("applies the template's default SLA when the request gives none", async () => {
    const withDefault = await createTemplate(t, { 'default-sla-seconds': 2 });
    const kase = await createCase(t, withDefault.id);
    const expiresAt = at(kase.attributes['sla-expires-at']);
    expect(expiresAt - at(kase.attributes['created-at'])).toBe(2_000);

    const done = await breached(t, kase.id);
    expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(expiresAt);
    // No breach queue on this template: the case stays where it was.
    expect(done.relationships['case-queue']?.data).toBeNull();
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.sla-set', 'case.sla-expired']);

    // An explicit SLA wins over the default.
    const explicit = await createCase(t, withDefault.id, { meta: { 'sla-expires-in-seconds': 3600 } });
    expect(at(explicit.attributes['sla-expires-at']) - at(explicit.attributes['created-at'])).toBe(3_600_000);
    expect((await caseAction(t, explicit.id, 'set-status', { status: 'declined' })).statusCode).toBe(200);
  });

  it('never breaches a case resolved before its deadline', async () => {
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': SLA_SECONDS } });
    const expiresAt = at(kase.attributes['sla-expires-at']);
    const resolved = await caseAction(t, kase.id, 'set-status', { status: 'approved' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expectAnsweredBeforeDeadline(expiresAt);

    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'canceled', status: 'COMPLETED' });
    await sleep(expiresAt - Date.now() + 3_000);
    const after = await getCase(t, kase.id);
    expect(after.attributes['sla-expired-at']).toBeNull();
    expect(after.relationships['case-queue']?.data).toBeNull();
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.sla-set',
      'case.status-updated',
      'case.resolved',
    ]);
    expect(await closedSlaRuns(temporal, kase.id)).toEqual([{ runId: expect.any(String), status: 'COMPLETED' }]);
  });

  it('stops the timer when PATCH clears the SLA', async () => {
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': SLA_SECONDS } });
    const expiresAt = at(kase.attributes['sla-expires-at']);
    const patched = await patchSla(kase.id, null);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().data.attributes['sla-expires-at']).toBeNull();
    expectAnsweredBeforeDeadline(expiresAt);

    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'canceled', status: 'COMPLETED' });
    await sleep(expiresAt - Date.now() + 3_000);
    expect((await getCase(t, kase.id)).attributes).toMatchObject({ 'sla-expires-at': null, 'sla-expired-at': null });
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.sla-set', 'case.sla-set']);
  });

  it('moves the one timer when PATCH sets a later SLA, breaching at the new deadline only', async () => {
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': SLA_SECONDS } });
    const oldExpiresAt = at(kase.attributes['sla-expires-at']);
    const patched = await patchSla(kase.id, SLA_SECONDS + 4);
    expect(patched.statusCode, patched.body).toBe(200);
    const { attributes } = patched.json().data;
    expectAnsweredBeforeDeadline(oldExpiresAt);
    const newExpiresAt = at(attributes['sla-expires-at']);
    expect(newExpiresAt - at(attributes['updated-at'])).toBe((SLA_SECONDS + 4) * 1000);

    await sleep(oldExpiresAt - Date.now() + 2_000);
    expect((await getCase(t, kase.id)).attributes['sla-expired-at']).toBeNull();

    const done = await breached(t, kase.id);
    expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(newExpiresAt);
    // GET /events answers as soon as the case shows the breach (the worker wrote it, not this api).
    const expired = await t.app.inject({
      method: 'GET',
      url: `/api/v1/events?filter[name]=case.sla-expired&filter[case-id]=${kase.id}`,
      headers: t.auth,
    });
    expect(expired.json().data.map((event: { attributes: { payload: unknown } }) => event.attributes.payload)).toEqual([
      { 'sla-expires-at': new Date(newExpiresAt).toISOString() },
    ]);
    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
    expect(await closedSlaRuns(temporal, kase.id)).toHaveLength(1);
    expect(await temporal.historyCounts(slaWorkflowId(kase.id))).toMatchObject({
      workflowExecutionStarted: 1,
      workflowExecutionSignaled: 2,
      activityTaskCompleted: 1,
    });
  });

  it('moves the one timer when PATCH sets an earlier SLA, and re-arms it after a breach', async () => {
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': 3600 } });
    const patched = await patchSla(kase.id, 2);
    expect(patched.statusCode, patched.body).toBe(200);
    const newExpiresAt = at(patched.json().data.attributes['sla-expires-at']);

    const done = await breached(t, kase.id);
    expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(newExpiresAt);
    expect(done.attributes['sla-expires-at']).toBe(new Date(newExpiresAt).toISOString());
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.sla-set',
      'case.sla-set',
      'case.sla-expired',
      'case.queue-updated',
    ]);
    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
    expect(await closedSlaRuns(temporal, kase.id)).toHaveLength(1);

    // A new deadline after a breach clears it and arms a fresh timer, which breaches again.
    const again = await patchSla(kase.id, 2);
    expect(again.json().data.attributes).toMatchObject({
      'sla-expired-at': null,
      'sla-expires-at': expect.any(String),
    });
    const twice = await breached(t, kase.id);
    expect(at(twice.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(
      at(again.json().data.attributes['sla-expires-at']),
    );
    expect((await caseEvents(t, kase.id)).filter((name) => name === 'case.sla-expired')).toHaveLength(2);
    await eventually(async () => ((await closedSlaRuns(temporal, kase.id)).length === 2 ? true : undefined), {
      what: 'a second run of the SLA timer',
    });
    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
  });

  it('restarts the timer when a resolved case is reopened before its deadline', async () => {
    // Longer: resolving, telling the timer and reopening all happen before the deadline.
    const kase = await createCase(t, template.id, { meta: { 'sla-expires-in-seconds': SLA_SECONDS + 4 } });
    const expiresAt = at(kase.attributes['sla-expires-at']);
    expect((await caseAction(t, kase.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);
    expectAnsweredBeforeDeadline(expiresAt);
    // The cancel is recorded on the timer, which sleeps on until its deadline (a delayed start) to end there.
    expect(await temporal.historyCounts(slaWorkflowId(kase.id))).toMatchObject({ workflowExecutionSignaled: 2 });

    const reopened = await caseAction(t, kase.id, 'set-status', { status: 'in-review' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().data.attributes).toMatchObject({
      'resolved-at': null,
      'sla-expires-at': expect.any(String),
    });
    expectAnsweredBeforeDeadline(expiresAt);

    const done = await breached(t, kase.id);
    expect(at(done.attributes['sla-expired-at'])).toBeGreaterThanOrEqual(expiresAt);
    expect(done.relationships['case-queue']?.data).toEqual({ type: 'case-queue', id: breachQueue.id });
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.sla-set',
      'case.status-updated',
      'case.resolved',
      'case.status-updated',
      'case.reopened',
      'case.sla-expired',
      'case.queue-updated',
    ]);
    expect(await slaOutcome(temporal, kase.id)).toEqual({ result: 'expired', status: 'COMPLETED' });
    // Reopening moved the sleeping timer (set, canceled, set again): one run, which expired the case once.
    expect((await closedSlaRuns(temporal, kase.id)).map((run) => run.status)).toEqual(['COMPLETED']);
    expect(await temporal.historyCounts(slaWorkflowId(kase.id))).toMatchObject({
      workflowExecutionSignaled: 3,
      activityTaskCompleted: 1,
    });
  });
});
