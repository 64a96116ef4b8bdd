import { describe, expect, it } from 'vitest';
import {
  formInputOf,
  initialFormValues,
  payloadFromForm,
  triggerSpec,
  type TriggerField,
} from '../src/run/trigger-form.ts';
import { runBlockedReason } from '../src/run/use-live-trigger.ts';
import { versionResource } from './fixtures/api-resources.ts';

const reviewFields: TriggerField[] = [
  { key: 'inquiry-id', type: 'string', required: true },
  { key: 'amount', type: 'number', required: true },
  { key: 'country', type: 'string', required: false },
];

describe('trigger form', () => {
  it('gives each field type a fitting control', () => {
    const inputs = (
      ['number', 'integer', 'boolean', 'date', 'datetime', 'string-array', 'object', 'choice'] as const
    ).map((type) => formInputOf({ key: 'f', type, required: false }).input);
    expect(inputs).toEqual(['number', 'number', 'checkbox', 'date', 'datetime-local', 'list', 'json', 'text']);
  });

  it('builds the payload with typed values and leaves blank optional fields out', () => {
    const values = { ...initialFormValues(reviewFields), 'inquiry-id': 'inq_1', amount: '25000' };
    expect(payloadFromForm(reviewFields, values)).toEqual({
      ok: true,
      payload: { 'inquiry-id': 'inq_1', amount: 25000 },
    });
  });

  it('reports a missing required field and a value of the wrong type next to their fields', () => {
    const result = payloadFromForm(reviewFields, { 'inquiry-id': '', amount: 'lots', country: '' });
    expect(result).toEqual({ ok: false, errors: { amount: 'must be a number', 'inquiry-id': 'is required' } });
  });

  it('converts booleans, integers, dates, lists and JSON objects', () => {
    const fields: TriggerField[] = [
      { key: 'vip', type: 'boolean', required: true },
      { key: 'count', type: 'integer', required: false },
      { key: 'born', type: 'date', required: false },
      { key: 'at', type: 'datetime', required: false },
      { key: 'tags', type: 'string-array', required: false },
      { key: 'meta', type: 'object', required: false },
    ];
    const result = payloadFromForm(fields, {
      vip: true,
      count: '3',
      born: '1990-04-01',
      at: '2026-11-25T10:30',
      tags: 'a, b,,c ',
      meta: '{"source":"test"}',
    });
    expect(result.ok && result.payload).toEqual({
      vip: true,
      count: 3,
      born: '1990-04-01',
      at: new Date('2026-11-25T10:30').toISOString(),
      tags: ['a', 'b', 'c'],
      meta: { source: 'test' },
    });
    expect(payloadFromForm(fields, { vip: false, count: '2.5', meta: '{oops' })).toEqual({
      ok: false,
      errors: { count: 'must be a whole number', meta: 'must be valid JSON' },
    });
  });
});

describe('trigger spec', () => {
  it("reads an API trigger's fields from the live version's plan", () => {
    const spec = triggerSpec(versionResource({ kind: 'trigger.api', params: { fields: reviewFields } }));
    expect(spec).toEqual({ kind: 'api', fields: reviewFields });
    expect(runBlockedReason({ status: 'loaded', versionNumber: 3, spec })).toBeNull();
  });

  it('says why an event-triggered workflow or an unpublished one cannot be run from here', () => {
    const spec = triggerSpec(
      versionResource({ kind: 'trigger.event', params: { event: 'case.created' } }, 'case.created'),
    );
    expect(spec).toEqual({ kind: 'event', event: 'case.created' });
    expect(runBlockedReason({ status: 'loaded', versionNumber: 3, spec })).toMatch(
      /starts on the case event case.created/,
    );
    expect(runBlockedReason({ status: 'none' })).toMatch(/^Publish the workflow first/);
  });

  it('lets a scheduled workflow be run now', () => {
    const schedule = { type: 'interval', every: { amount: 1, unit: 'hours' } };
    const spec = triggerSpec(versionResource({ kind: 'trigger.schedule', params: { schedule } }));
    expect(spec).toEqual({ kind: 'schedule' });
    expect(runBlockedReason({ status: 'loaded', versionNumber: 3, spec })).toBeNull();
  });
});
