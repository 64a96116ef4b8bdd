import { describe, expect, it } from 'vitest';
import { compile, cronProblem, isTimeZone, nodeCatalog, type Graph } from '../src/index.ts';
import { catalog, createCase, edge, node } from './graph/fixtures.ts';
import { expectIssues, type IssueCase } from './graph/issue-cases.ts';

/** on-schedule → create → done, the trigger's params as given. */
const scheduled = (params: Record<string, unknown>): Graph => ({
  nodes: [
    node('on-schedule', 'trigger.schedule', params),
    createCase('create', { fields: { amount: '{{ 1 }}' } }),
    node('done', 'end'),
  ],
  edges: [edge('on-schedule', 'create'), edge('create', 'done')],
});
const cron = (expression: string, timeZone?: string) =>
  scheduled({ schedule: { type: 'cron', expression, ...(timeZone ? { 'time-zone': timeZone } : {}) } });
const every = (amount: number, unit: string) => scheduled({ schedule: { type: 'interval', every: { amount, unit } } });

describe('trigger.schedule', () => {
  it('compiles a cron schedule (UTC unless a zone is given) and an interval into the plan', () => {
    const weekdays = compile(cron('0 9 * * MON-FRI', 'Europe/Berlin'), catalog);
    expect(weekdays.issues).toEqual([]);
    if (!weekdays.ok) throw new Error('expected a plan');
    expect(weekdays.plan.trigger).toBe('on-schedule');
    expect(weekdays.plan.steps['on-schedule']).toMatchObject({
      kind: 'trigger.schedule',
      params: { schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'Europe/Berlin' } },
      next: { next: 'create' },
    });
    const utc = compile(cron('*/15 * * * *'), catalog);
    expect(utc.ok && utc.plan.steps['on-schedule']?.params).toEqual({
      schedule: { type: 'cron', expression: '*/15 * * * *', 'time-zone': 'UTC' },
    });
    expect(compile(every(1, 'seconds'), catalog).issues).toEqual([]);
  });

  const badSchedules: IssueCase[] = [
    ['invalid-params', 'error', cron('61 * * * *'), { 'node-id': 'on-schedule', path: '/params/schedule/expression' }],
    ['invalid-params', 'error', cron('* * *'), { path: '/params/schedule/expression' }],
    ['invalid-params', 'error', cron('0 0 30 2 *'), { message: 'not a valid cron expression: never fires' }],
    ['invalid-params', 'error', cron('0 0 L * *'), { path: '/params/schedule/expression' }],
    ['invalid-params', 'error', cron('0 9 * * MON', 'Mars/Olympus'), { path: '/params/schedule/time-zone' }],
    ['invalid-params', 'error', cron('0 9 * * MON', 'europe/berlin'), { path: '/params/schedule/time-zone' }],
    ['invalid-params', 'error', every(0, 'seconds'), { path: '/params/schedule/every/amount' }],
    ['invalid-params', 'error', every(0.5, 'seconds'), { path: '/params/schedule/every/amount' }],
    ['invalid-params', 'error', every(400, 'days'), { path: '/params/schedule/every' }],
    ['invalid-params', 'error', scheduled({ schedule: { type: 'hourly' } }), { path: '/params/schedule/type' }],
  ];
  expectIssues(badSchedules);

  it('says why a cron expression is refused', () => {
    expect(cronProblem('0 9 * * MON-FRI')).toBeNull();
    expect(cronProblem('5,35 */2 1-15 JAN,jul *')).toBeNull();
    expect(cronProblem('* * * * * *')).toMatch(/five fields/);
    expect(cronProblem('0 9 * * FUNDAY')).toMatch(/"FUNDAY" is not a month or day name/);
    expect(cronProblem('0 9 ? * 1#2')).toMatch(/may hold only/);
    expect(cronProblem('0 25 * * *')).toMatch(/hour/);
  });

  it('knows IANA time zones as written', () => {
    expect(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata'].filter(isTimeZone)).toHaveLength(
      4,
    );
    expect(['', 'CEST', 'Berlin', 'utc', 'europe/berlin', 'Europe/Atlantis', '+02:00'].filter(isTimeZone)).toEqual([]);
  });

  it('a schedule is a trigger: one per graph, and its output says which firing started the run', () => {
    const both: Graph = {
      nodes: [node('trigger', 'trigger.api', { fields: [] }), ...cron('0 * * * *').nodes],
      edges: [edge('trigger', 'create'), ...cron('0 * * * *').edges],
    };
    expect(compile(both, catalog).issues.map((found) => found.code)).toContain('multiple-triggers');
    const definition = nodeCatalog['trigger.schedule'];
    expect(definition.outputSchema?.parse({ scheduledAt: '2026-12-06T09:00:00.000Z', scheduleId: 's' })).toBeTruthy();
    expect(
      definition.summary({ schedule: { type: 'interval', every: { amount: 5, unit: 'minutes' } } }, catalog),
    ).toEqual(['every 5 minutes']);
    expect(definition.summary({ schedule: { type: 'cron', expression: '0 9 * * 1' } }, catalog)).toEqual([
      'cron 0 9 * * 1',
      'UTC',
    ]);
  });
});
