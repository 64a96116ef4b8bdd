import {
  createCaseQueueRequestSchema,
  createCaseRequestSchema,
  createCaseTemplateRequestSchema,
  updateCaseRequestSchema,
} from '@casework/shared';
import type { Client, WorkflowClient } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollectionNames, ensureCaseIndexes, type Actor } from '../../src/cases/case-collections.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createCaseDomain, type CaseDomain } from '../../src/cases/case-domain.ts';
import { CLEAR_DELAY_MS } from '../../src/cases/event-publisher.ts';
import { slaWorkflowId } from '../../src/cases/sla-scheduler.ts';
import { createActivities } from '../../src/temporal/activities/index.ts';
import { workflowsPath } from '../../src/temporal/worker-factory.ts';
import { rescheduleSignal } from '../../src/temporal/workflows/case-sla.workflow.ts';
import { reviewTemplateAttributes } from '../helpers/case-fixtures.ts';
import { testServices } from '../helpers/services.ts';
import { createTestEnv } from '../helpers/test-env.ts';

const DAY_SECONDS = 24 * 3600;
const operator: Actor = { id: 'ops@example.com', type: 'user' };

interface LateSchedules {
  client: Client;
  /** Holds the next signal-with-start (start or move a timer) until released: a message that reaches Temporal late. */
  holdNext(): { reached: Promise<void>; release(): void };
}

function lateSchedules(client: Client): LateSchedules {
  let gate: { reach(): void; released: Promise<void> } | null = null;
  const signalWithStart: WorkflowClient['signalWithStart'] = async (workflow, options) => {
    const held = gate;
    gate = null;
    if (held) {
      held.reach();
      await held.released;
    }
    return client.workflow.signalWithStart(workflow, options);
  };
  const workflow = Object.create(client.workflow, { signalWithStart: { value: signalWithStart } }) as WorkflowClient;
  return {
    client: Object.create(client, { workflow: { value: workflow } }) as Client,
    holdNext() {
      let reach = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => (reach = resolve));
      gate = { reach, released: new Promise<void>((resolve) => (release = resolve)) };
      return { reached, release };
    },
  };
}

// A 24-hour SLA passes in moments on Temporal's time-skipping test server, while the timer's activity changes
// the case in a real database through the same case domain the api uses. The case service's clock is the wall
// clock, so only the deadline the timer was set for is compared, not when the expiry ran.
describe('a 24-hour case SLA under the time-skipping server', () => {
  let mongo: MongoClient;
  let db: Db;
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    const env = createTestEnv();
    mongo = await new MongoClient(env.MONGODB_URI).connect();
    db = mongo.db(env.MONGODB_DB);
    await ensureCaseIndexes(db);
    workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: Runtime.instance().logger });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await mongo?.close();
  });

  /** A time-skipping server of the test's own (skipped time is shared by everything on one server). */
  async function withSkippingStack<T>(
    fn: (stack: {
      testEnv: TestWorkflowEnvironment;
      domain: CaseDomain;
      /** The same cases through another process's domain (its own publisher), whose timer messages are never held. */
      other: CaseDomain;
      warnings: string[];
      late: LateSchedules;
    }) => Promise<T>,
  ): Promise<T> {
    const testEnv = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServices().temporalTestServer } },
    });
    try {
      const taskQueue = 'case-sla-time-skipping';
      const warnings: string[] = [];
      const late = lateSchedules(testEnv.client);
      const domain = createCaseDomain({
        db,
        clock: systemClock,
        log: { warn: (details, message) => warnings.push(`${message} ${JSON.stringify(details)}`) },
        temporal: { client: late.client, taskQueue },
      });
      const other = createCaseDomain({
        db,
        clock: systemClock,
        log: { warn: (details, message) => warnings.push(`${message} ${JSON.stringify(details)}`) },
        temporal: { client: testEnv.client, taskQueue },
      });
      const worker = await Worker.create({
        connection: testEnv.nativeConnection,
        taskQueue,
        workflowBundle,
        activities: createActivities({ db, clock: systemClock, slaExpiry: domain.actions }),
      });
      return await worker.runUntil(fn({ testEnv, domain, other, warnings, late }));
    } finally {
      await testEnv.teardown();
    }
  }

  async function createDayLongCase(domain: CaseDomain) {
    // Requests parsed by the api's own schemas, as the routes would hand them to the services.
    const breachQueue = await domain.caseQueues.create(
      createCaseQueueRequestSchema.parse({ data: { attributes: { name: 'SLA breaches' } } }).data.attributes,
    );
    const template = await domain.caseTemplates.create(
      createCaseTemplateRequestSchema.parse({
        data: { attributes: reviewTemplateAttributes({ 'sla-breach-queue-id': breachQueue.id }) },
      }).data.attributes,
    );
    const kase = await domain.cases.create(
      createCaseRequestSchema.parse({
        data: { attributes: { 'case-template-id': template.id, fields: { amount: 250 } } },
        meta: { 'sla-expires-in-seconds': DAY_SECONDS },
      }),
      operator,
    );
    expect(kase.slaExpiresAt?.getTime()).toBe(kase.createdAt.getTime() + DAY_SECONDS * 1000);
    return { kase, breachQueueId: breachQueue.id };
  }

  const slaEvents = (caseId: string) =>
    db.collection(caseCollectionNames.events).countDocuments({ caseId, name: 'case.sla-expired' });

  it('breaches exactly once when the 24 hours run out, and not before', async () => {
    const started = Date.now();
    await withSkippingStack(async ({ testEnv, domain, warnings }) => {
      const { kase, breachQueueId } = await createDayLongCase(domain);
      const handle = testEnv.client.workflow.getHandle(slaWorkflowId(kase._id));

      await testEnv.sleep('23h');
      expect((await domain.cases.get(kase._id)).slaExpiredAt).toBeNull();
      expect((await handle.describe()).status.name).toBe('RUNNING');

      expect(await handle.result()).toBe('expired');
      const breached = await domain.cases.get(kase._id);
      expect(breached.slaExpiredAt).toBeInstanceOf(Date);
      expect(breached.slaExpiresAt).toEqual(kase.slaExpiresAt);
      expect(breached.queueId).toBe(breachQueueId);
      expect(await slaEvents(kase._id)).toBe(1);
      const stored = await db.collection(caseCollectionNames.cases).findOne({ _id: kase._id as never });
      expect(stored).toMatchObject({ slaExpiredAt: expect.any(Date), queueId: breachQueueId });

      // Nothing fires again later.
      await testEnv.sleep('48h');
      expect(await slaEvents(kase._id)).toBe(1);
      expect(warnings).toEqual([]);
    });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('never breaches a case resolved at 23 hours', async () => {
    await withSkippingStack(async ({ testEnv, domain, warnings }) => {
      const { kase } = await createDayLongCase(domain);
      const handle = testEnv.client.workflow.getHandle(slaWorkflowId(kase._id));

      await testEnv.sleep('23h');
      const resolved = await domain.actions.setStatus(kase._id, 'approved', operator);
      expect(resolved.resolvedAt).toBeInstanceOf(Date);
      expect(await handle.result()).toBe('canceled');

      await testEnv.sleep('48h');
      const after = await domain.cases.get(kase._id);
      expect(after).toMatchObject({ status: 'approved', slaExpiredAt: null, queueId: null });
      expect(await slaEvents(kase._id)).toBe(0);
      expect((await handle.fetchHistory()).events?.some((event) => event.activityTaskScheduledEventAttributes)).toBe(
        false,
      );
      expect(warnings).toEqual([]);
    });
  });

  it('keeps the latest deadline when two SLA changes reach Temporal out of order', async () => {
    await withSkippingStack(async ({ testEnv, domain, warnings, late }) => {
      const { kase } = await createDayLongCase(domain);
      const handle = testEnv.client.workflow.getHandle(slaWorkflowId(kase._id));
      const setSla = (seconds: number) =>
        domain.cases.update(
          kase._id,
          updateCaseRequestSchema.parse({ meta: { 'sla-expires-in-seconds': seconds } }),
          operator,
        );

      // The first change is committed, but its timer update is delayed past a second change's.
      const hold = late.holdNext();
      const first = setSla(2 * 3600);
      await hold.reached;
      const second = await setSla(3600);
      hold.release();
      await first;
      expect((await domain.cases.get(kase._id)).slaExpiresAt).toEqual(second.slaExpiresAt);

      expect(await handle.result()).toBe('expired');
      const breached = await domain.cases.get(kase._id);
      expect(breached.slaExpiredAt).toBeInstanceOf(Date);
      const expired = await db
        .collection(caseCollectionNames.events)
        .find({ caseId: kase._id, name: 'case.sla-expired' })
        .toArray();
      expect(expired.map((event) => event.payload)).toEqual([{ 'sla-expires-at': second.slaExpiresAt?.toISOString() }]);
      expect(warnings).toEqual([]);
    });
  });

  it("keeps the latest deadline when another process moves the SLA while this one's message is late", async () => {
    await withSkippingStack(async ({ testEnv, domain, other, warnings, late }) => {
      const { kase } = await createDayLongCase(domain);
      const handle = testEnv.client.workflow.getHandle(slaWorkflowId(kase._id));
      const setSla = (through: CaseDomain, seconds: number) =>
        through.cases.update(
          kase._id,
          updateCaseRequestSchema.parse({ meta: { 'sla-expires-in-seconds': seconds } }),
          operator,
        );

      // This process commits a change whose timer message is delayed; the other process's later change reaches
      // Temporal first, so this one's stale deadline arrives last.
      const hold = late.holdNext();
      const first = setSla(domain, 2 * 3600);
      await hold.reached;
      const second = await setSla(other, 3600);
      hold.release();
      await first;

      // This process then finds the case moved on (its clear no longer matches) and tells the timer again.
      const lastDeadline = async () => {
        const { events } = await handle.fetchHistory();
        const signals = (events ?? []).filter(
          (event) => event.workflowExecutionSignaledEventAttributes?.signalName === rescheduleSignal.name,
        );
        const payload = signals.at(-1)?.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]?.data;
        return payload ? (JSON.parse(Buffer.from(payload).toString('utf8')) as { expiresAt: string }).expiresAt : null;
      };
      await expect.poll(lastDeadline, { timeout: 20 * CLEAR_DELAY_MS }).toBe(second.slaExpiresAt?.toISOString());
      expect(warnings).toEqual([]);
    });
  });
});
