import { Cron } from 'croner';
import { z } from 'zod';
import { defineNode } from './node-definition.ts';
import { durationSchema } from './node-params.ts';
import { formatDuration, summaryRecord, summaryText } from './node-summary-text.ts';

/** The shortest interval a schedule may fire at (n8n's minimum too); a year is the longest. */
export const MIN_SCHEDULE_INTERVAL_SECONDS = 1;
const MAX_SCHEDULE_INTERVAL_SECONDS = 365 * 86_400;

const monthAndDayNames = new Set(
  ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'].concat([
    'SUN',
    'MON',
    'TUE',
    'WED',
    'THU',
    'FRI',
    'SAT',
  ]),
);

/**
 * Why a cron expression is refused, or null when it is a standard five-field one (minute hour day-of-month month
 * day-of-week; numbers, `*`, `,`, `-`, `/` and month or day names) that fires at least once. croner checks the
 * ranges; the extensions it also knows (`L`, `W`, `#`, `?`, seconds) are refused, since Temporal's parser may not.
 */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `needs five fields (minute hour day-of-month month day-of-week), not ${fields.length}`;
  }
  for (const field of fields) {
    if (!/^[0-9A-Za-z*,/-]+$/.test(field)) return `"${field}" may hold only digits, names, "*", ",", "-" and "/"`;
    const unknown = (field.match(/[A-Za-z]+/g) ?? []).find((name) => !monthAndDayNames.has(name.toUpperCase()));
    if (unknown !== undefined) return `"${unknown}" is not a month or day name (JAN…DEC, SUN…SAT)`;
  }
  try {
    // A fixed start keeps this pure: a pattern that never matches (30 February) has no next time from any date.
    const next = new Cron(fields.join(' '), { paused: true, timezone: 'UTC' }).nextRun(new Date(Date.UTC(2000, 0)));
    return next ? null : 'never fires';
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^CronPattern: /, '');
  }
}

/**
 * Whether `name` is an IANA time zone (`Europe/Berlin`, `Asia/Kolkata`, `UTC`) as the tz database spells it: Intl
 * knows the names but ignores case, while Temporal's lookup does not, so each part must start with a capital.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const cronSchema = z
  .string()
  .max(200)
  .superRefine((expression, context) => {
    const problem = cronProblem(expression);
    if (problem) context.addIssue({ code: 'custom', message: `not a valid cron expression: ${problem}` });
  });

const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone, as written in the tz database ("Europe/Berlin", "UTC")');

/** When a schedule fires: a cron expression read in a time zone, or a fixed interval. */
export const scheduleSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cron'), expression: cronSchema, 'time-zone': timeZoneSchema.default('UTC') }),
  z.strictObject({
    type: z.literal('interval'),
    every: durationSchema(['seconds', 'minutes', 'hours', 'days'], MAX_SCHEDULE_INTERVAL_SECONDS),
  }),
]);
export type ScheduleSpec = z.output<typeof scheduleSpecSchema>;

/** What a scheduled run starts with: which firing of which Temporal Schedule started it. */
export const scheduleOutputSchema = z.object({ scheduledAt: z.string(), scheduleId: z.string() });
export type ScheduleOutput = z.output<typeof scheduleOutputSchema>;

/**
 * Starts a run at every firing of a Temporal Schedule that publishing creates (packages/runtime/src/workflows/
 * workflow-schedules.ts); its output (and `trigger`) says which scheduled time started it.
 */
export const triggerScheduleNode = defineNode({
  kind: 'trigger.schedule',
  version: 1,
  role: 'trigger',
  paramsSchema: z.strictObject({ schedule: scheduleSpecSchema }),
  handles: () => ['next'],
  outputSchema: scheduleOutputSchema,
  outputHasCase: false,
  title: 'Schedule trigger',
  description: 'Starts a run on a schedule: a cron expression or an interval',
  idBase: 'on-schedule',
  defaults: () => ({ schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'UTC' } }),
  summary: (params) => {
    const schedule = summaryRecord(params.schedule);
    if (schedule.type === 'interval') return [`every ${formatDuration(schedule.every) ?? '?'}`];
    const expression = summaryText(schedule.expression);
    return [expression ? `cron ${expression}` : 'schedule: not set', summaryText(schedule['time-zone']) ?? 'UTC'];
  },
});
