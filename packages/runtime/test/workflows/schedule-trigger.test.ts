import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomains } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { scheduleIdOf } from '../../src/workflows/workflow-schedules.ts';
import { createTemplate } from '../helpers/case-fixtures.ts';
import { eventually } from '../helpers/eventually.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  chainGraph as chain,
  graphNode as node,
  publishWorkflow,
  runReaches,
  type RunBody,
} from '../helpers/workflow-fixtures.ts';

const everySecond = { schedule: { type: 'interval', every: { amount: 1, unit: 'seconds' } } };
const cron = (expression: string, timeZone: string) => ({
  schedule: { type: 'cron', expression, 'time-zone': timeZone },
});
const scheduledGraph = (params: Record<string, unknown>, templateId: string) =>
  chain([
    node('on-schedule', 'trigger.schedule', params, 0),
    node(
      'create',
      'case.create',
      { 'case-template-id': templateId, fields: { amount: 1, notes: '{{ trigger.scheduledAt }}' } },
      200,
    ),
    node('done', 'end', {}, 400),
  ]);
const apiGraph = () => chain([node('trigger', 'trigger.api', { fields: [] }, 0), node('done', 'end', {}, 200)]);

describe('trigger.schedule', () => {
  let t: TestApp;
  let temporal: TemporalHandle;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    worker = await startInProcessWorker(t);
    templateId = (await createTemplate(t)).id;
  });

  afterAll(async () => {
    await worker?.stop();
    await temporal?.connection.close();
    await t?.close();
  });

  const describeSchedule = (workflowId: string) =>
    temporal.client.schedule.getHandle(scheduleIdOf(workflowId)).describe();
  const scheduleGone = (workflowId: string) =>
    expect(describeSchedule(workflowId)).rejects.toThrow(ScheduleNotFoundError);
  const setDraft = async (workflowId: string, graph: unknown) =>
    expect(
      (await api(t, 'PUT', `/workflows/${workflowId}/draft`, { data: { attributes: { graph } } })).statusCode,
    ).toBe(200);
  const publish = (workflowId: string) =>
    api(t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'test' } });
  const runsOf = async (workflowId: string) =>
    (
      (await api(t, 'GET', `/workflow-runs?filter[workflow-id]=${workflowId}&page[size]=100`)).json() as {
        data: RunBody[];
      }
    ).data;

  it('refuses a bad cron, time zone or interval on publish with a 422 naming the node, creating no schedule', async () => {
    for (const params of [
      cron('0 9 * * FUNDAY', 'UTC'),
      cron('0 9 * * MON', 'Europe/Atlantis'),
      { schedule: { type: 'interval', every: { amount: 0, unit: 'seconds' } } },
    ]) {
      const created = await api(t, 'POST', '/workflows', {
        data: { attributes: { name: 'Bad schedule', graph: scheduledGraph(params, templateId) } },
      });
      const workflowId = (created.json() as { data: { id: string } }).data.id;
      const response = await publish(workflowId);
      expect(response.statusCode, response.body).toBe(422);
      const issues = (response.json() as { meta: { issues: { code: string; 'node-id': string; path: string }[] } }).meta
        .issues;
      expect(issues).toContainEqual(
        expect.objectContaining({
          code: 'invalid-params',
          'node-id': 'on-schedule',
          path: expect.stringMatching(/^\/params\/schedule\//),
        }),
      );
      await scheduleGone(workflowId);
    }
  });

  it('publishing creates a Temporal Schedule (overlap skip); each firing is one run that says when it was scheduled, no duplicates', async () => {
    const { workflowId, versionId } = await publishWorkflow(t, {
      name: 'Every second',
      graph: scheduledGraph(everySecond, templateId),
    });
    const described = await describeSchedule(workflowId);
    expect(described.spec.intervals).toMatchObject([{ every: 1000 }]);
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledRun' });

    // Runs only through its schedule: the HTTP trigger says so.
    const viaHttp = await api(t, 'POST', `/workflows/${workflowId}/trigger`, { data: { attributes: { fields: {} } } });
    expect(viaHttp.statusCode).toBe(409);
    expect(viaHttp.body).toContain('runs on a schedule');

    const runs = await eventually(
      async () => {
        const found = await runsOf(workflowId);
        return found.length >= 3 ? found : undefined;
      },
      { timeoutMs: 20_000, what: 'three scheduled runs' },
    );
    // Archiving stops the firings (and deletes the schedule).
    expect((await api(t, 'POST', `/workflows/${workflowId}/archive`)).statusCode).toBe(200);
    await scheduleGone(workflowId);

    const scheduleId = scheduleIdOf(workflowId);
    for (const listed of runs.slice(0, 3)) {
      const run = await runReaches(t, listed.id, ['completed']);
      expect(run.attributes['trigger-kind']).toBe('schedule');
      expect(run.attributes['workflow-version-id']).toBe(versionId);
      const trigger = run.attributes.trigger as { scheduledAt: string; scheduleId: string };
      expect(trigger.scheduleId).toBe(scheduleId);
      expect(new Date(trigger.scheduledAt).getUTCMilliseconds()).toBe(0); // a firing of a 1 s interval
      // A later step read it: the case created carries the schedule time.
      const kase = (await api(t, 'GET', `/cases/${run.attributes['case-ids'][0]}`)).json() as {
        data: { attributes: { fields: { notes: { value: string } } } };
      };
      expect(kase.data.attributes.fields.notes.value).toBe(trigger.scheduledAt);
      expect(await t.db.collection('events').countDocuments({ runId: run.id, name: 'workflow-run.created' })).toBe(1);
    }
    const all = await runsOf(workflowId);
    const times = all.map((run) => (run.attributes.trigger as { scheduledAt: string }).scheduledAt);
    expect(new Set(times).size).toBe(all.length);

    const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    const first = runs.at(-1) as RunBody;
    const firstAt = (first.attributes.trigger as { scheduledAt: string }).scheduledAt;
    // A firing of an archived workflow (one Temporal started before the schedule was deleted) starts nothing.
    expect(await domains.scheduledRuns.start({ workflowId, scheduleId, scheduledAt: firstAt })).toBeNull();
    expect((await runsOf(workflowId)).length).toBe(all.length);
  });

  it('a repeated firing finds its run; publish retries and updates keep one schedule; a version without it deletes it', async () => {
    const { workflowId } = await publishWorkflow(t, {
      name: 'Weekday mornings',
      graph: scheduledGraph(cron('0 9 * * MON-FRI', 'Europe/Berlin'), templateId),
    });
    const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    const scheduleId = scheduleIdOf(workflowId);
    const firing = { workflowId, scheduleId, scheduledAt: '2026-12-07T08:00:00.000Z' };
    const runId = await domains.scheduledRuns.start(firing);
    expect(await domains.scheduledRuns.start(firing)).toBe(runId);
    expect(await t.db.collection('workflow_runs').countDocuments({ workflowId })).toBe(1);
    expect(await t.db.collection('events').countDocuments({ runId, name: 'workflow-run.created' })).toBe(1);

    let described = await describeSchedule(workflowId);
    expect(described.spec.timezone).toBe('Europe/Berlin');
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit' });
    const next = described.info.nextActionTimes.map((at) => berlin.format(at));
    expect(next.length).toBeGreaterThan(0);
    for (const at of next) expect(at).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 09$/);

    // The workflow's page asks when it fires next.
    const shown = await api(t, 'GET', `/workflows/${workflowId}/schedule`);
    expect(shown.statusCode, shown.body).toBe(200);
    const attributes = (shown.json() as { data: { attributes: Record<string, unknown> } }).data.attributes;
    expect(attributes).toMatchObject({
      'workflow-id': workflowId,
      schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'Europe/Berlin' },
      'next-run-times': described.info.nextActionTimes.slice(0, 3).map((at) => at.toISOString()),
      'temporal-ui-url': expect.stringContaining(`/schedules/${encodeURIComponent(scheduleId)}`),
    });

    // Publishing again (a retry) and with another spec updates the one schedule.
    expect((await publish(workflowId)).statusCode).toBe(201);
    await setDraft(workflowId, scheduledGraph(cron('30 6 * * *', 'America/New_York'), templateId));
    expect((await publish(workflowId)).statusCode).toBe(201);
    described = await describeSchedule(workflowId);
    expect(described.spec.timezone).toBe('America/New_York');
    const mine: string[] = [];
    for await (const listed of temporal.client.schedule.list())
      if (listed.scheduleId === scheduleId) mine.push(listed.scheduleId);
    expect(mine.length).toBeLessThanOrEqual(1); // the list is eventually consistent; never two

    await setDraft(workflowId, apiGraph());
    expect((await publish(workflowId)).statusCode).toBe(201);
    await scheduleGone(workflowId);
    expect((await api(t, 'GET', `/workflows/${workflowId}/schedule`)).statusCode).toBe(404);
  });

  it('a schedule left behind (its clean-up missed Temporal) removes itself at its next firing, starting no run', async () => {
    const { workflowId } = await publishWorkflow(t, { name: 'Plain API', graph: apiGraph() });
    const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    await domains.schedules.upsert(workflowId, { type: 'interval', every: { amount: 1, unit: 'seconds' } });
    await eventually(
      async () =>
        describeSchedule(workflowId).then(
          () => undefined,
          (error: unknown) => (error instanceof ScheduleNotFoundError ? true : undefined),
        ),
      { timeoutMs: 15_000, what: 'the stray schedule to delete itself' },
    );
    expect(await runsOf(workflowId)).toEqual([]);
  });

  it('"run now" starts one run as a firing would, without touching the schedule; a retried request finds it', async () => {
    const { workflowId } = await publishWorkflow(t, {
      name: 'Run now',
      graph: scheduledGraph(cron('0 9 1 1 *', 'UTC'), templateId),
    });
    const before = (await describeSchedule(workflowId)).info.nextActionTimes;
    const asked = Date.now();
    const runNow = () =>
      api(t, 'POST', `/workflows/${workflowId}/schedule/run`, undefined, { 'idempotency-key': 'now-1' });
    const first = await runNow();
    expect(first.statusCode, first.body).toBe(201);
    const again = await runNow();
    const runId = (first.json() as { data: RunBody }).data.id;
    expect((again.json() as { data: RunBody }).data.id).toBe(runId);

    const run = await runReaches(t, runId, ['completed']);
    expect(run.attributes['trigger-kind']).toBe('schedule');
    const trigger = run.attributes.trigger as { scheduledAt: string; scheduleId: string };
    expect(trigger.scheduleId).toBe(scheduleIdOf(workflowId));
    expect(Date.parse(trigger.scheduledAt)).toBeGreaterThanOrEqual(asked - 1000);
    expect(Date.parse(trigger.scheduledAt)).toBeLessThanOrEqual(Date.now());
    const kase = (await api(t, 'GET', `/cases/${run.attributes['case-ids'][0]}`)).json() as {
      data: { attributes: { fields: { notes: { value: string } } } };
    };
    expect(kase.data.attributes.fields.notes.value).toBe(trigger.scheduledAt);
    expect(await runsOf(workflowId)).toHaveLength(1);
    expect((await describeSchedule(workflowId)).info.nextActionTimes).toEqual(before);

    // A workflow that does not run on a schedule is triggered, not run now.
    const { workflowId: plain } = await publishWorkflow(t, { name: 'Plain API', graph: apiGraph() });
    const refused = await api(t, 'POST', `/workflows/${plain}/schedule/run`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('does not run on a schedule');
  });
});
