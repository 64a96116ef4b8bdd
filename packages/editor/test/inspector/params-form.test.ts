import { caseEventNames, fieldTypes, nodeKinds } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { widgetFor } from '../../src/inspector/form/field-widgets.ts';
import type { FieldDescriptor, ObjectDescriptor } from '../../src/inspector/schema/field-descriptor.ts';
import { fieldLabel, itemLabel } from '../../src/inspector/schema/field-labels.ts';
import { paramsForm } from '../../src/inspector/schema/params-form.ts';

function form(kind: string): ObjectDescriptor {
  const found = paramsForm(kind);
  if (!found) throw new Error(`no form for ${kind}`);
  return found;
}

const property = (descriptor: FieldDescriptor, key: string) => {
  if (descriptor.kind !== 'object') throw new Error(`not an object: ${descriptor.kind}`);
  const found = descriptor.properties.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no property ${key}`);
  return found;
};

/** Every descriptor in a form, with its params path (`*` for list items and record values). */
function walk(descriptor: FieldDescriptor, path: string[] = []): { path: string[]; field: FieldDescriptor }[] {
  const here = { path, field: descriptor };
  switch (descriptor.kind) {
    case 'object':
      return [here, ...descriptor.properties.flatMap((p) => walk(p.field, [...path, p.key]))];
    case 'list':
      return [here, ...walk(descriptor.item, [...path, '*'])];
    case 'record':
      return [here, ...walk(descriptor.value, [...path, '*'])];
    case 'union':
      return [
        here,
        ...descriptor.variants.flatMap((v) => v.properties.flatMap((p) => walk(p.field, [...path, p.key]))),
      ];
    default:
      return [here];
  }
}

describe('params forms from the shared zod schemas', () => {
  it.each(nodeKinds)('%s gives an object form whose every value has a control', (kind) => {
    const descriptor = form(kind);
    expect(descriptor.kind).toBe('object');
    // No value falls back to raw JSON editing: the converter understands every schema of the catalog.
    expect(walk(descriptor).filter(({ field }) => field.kind === 'json')).toEqual([]);
  });

  it('knows no form for a kind this build does not know', () => {
    expect(paramsForm('case.teleport')).toBeNull();
  });

  it('turns the API trigger payload schema into a list of key / type / required rows', () => {
    const fields = property(form('trigger.api'), 'fields');
    expect(fields.required).toBe(false);
    expect(fields.field).toMatchObject({ kind: 'list', default: [], maxItems: 200 });
    if (fields.field.kind !== 'list') throw new Error('list expected');
    const row = fields.field.item;
    expect(property(row, 'key')).toMatchObject({ required: true, field: { kind: 'text', expression: false } });
    expect(property(row, 'type').field).toEqual({ kind: 'enum', options: [...fieldTypes] });
    expect(property(row, 'required')).toMatchObject({ required: false, field: { kind: 'boolean', default: false } });
  });

  it('keeps case.create optional values optional, with defaults, and its fields a record of values', () => {
    const create = form('case.create');
    expect(property(create, 'case-template-id')).toMatchObject({
      required: true,
      field: { kind: 'text', minLength: 1 },
    });
    expect(property(create, 'case-queue-id').required).toBe(false);
    expect(property(create, 'fields').field).toMatchObject({
      kind: 'record',
      default: {},
      value: { kind: 'value' },
      keyPattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$',
    });
    expect(property(create, 'object-ids').field).toMatchObject({ kind: 'list', item: { kind: 'value' } });
    expect(property(create, 'sla')).toMatchObject({ required: false, field: { kind: 'object' } });
    expect(property(create, 'creator-email-address')).toMatchObject({ required: false, field: { kind: 'value' } });
    expect(property(create, 'continue-on-error').field).toEqual({ kind: 'boolean', default: false });
    expect(property(create, 'retry').field.default).toEqual({
      'max-attempts': 3,
      'initial-interval': { amount: 1, unit: 'seconds' },
    });
    expect(property(property(create, 'retry').field, 'max-attempts').field).toEqual({
      kind: 'number',
      integer: true,
      minimum: 1,
      maximum: 100,
      default: 3,
    });
  });

  it('makes field operations a union with an `op` selector; `unset` has no value', () => {
    const operations = property(form('case.update-fields'), 'operations').field;
    expect(operations).toMatchObject({ kind: 'list', minItems: 1, maxItems: 200 });
    if (operations.kind !== 'list' || operations.item.kind !== 'union') throw new Error('list of unions expected');
    const union = operations.item;
    expect(union.discriminator).toBe('op');
    // The form shows the field, then the operation, then the value, as the schema lists them.
    expect(union.discriminatorAt).toBe(1);
    expect(union.variants.map((variant) => variant.value)).toEqual(['unset', 'set', 'append', 'push', 'remove']);
    const keys = (op: string) => union.variants.find((v) => v.value === op)?.properties.map((p) => p.key);
    expect(keys('unset')).toEqual(['field']);
    expect(keys('push')).toEqual(['field', 'value']);
  });

  it('marks expression-only strings (route conditions, event criteria) and event names as choices', () => {
    const routes = property(form('logic.condition'), 'routes').field;
    if (routes.kind !== 'list') throw new Error('list expected');
    expect(property(routes.item, 'when').field).toMatchObject({ kind: 'text', expression: true });
    expect(property(routes.item, 'id').field).toMatchObject({ kind: 'text', expression: false });
    expect(property(routes.item, 'label')).toMatchObject({ required: false, field: { default: '' } });
    const event = form('trigger.event');
    expect(property(event, 'event').field).toEqual({ kind: 'enum', options: [...caseEventNames] });
    expect(property(event, 'criteria')).toMatchObject({ required: false, field: { kind: 'text', expression: true } });
    expect(property(form('wait.case'), 'events').field).toMatchObject({
      kind: 'list',
      minItems: 1,
      item: { kind: 'enum', options: [...caseEventNames] },
    });
  });

  it('describes durations as a whole amount and the units the kind allows (refinements do not survive)', () => {
    expect(property(form('wait.duration'), 'duration').field).toEqual({
      kind: 'object',
      properties: [
        { key: 'amount', required: true, field: { kind: 'number', integer: true, minimum: 1 } },
        { key: 'unit', required: true, field: { kind: 'enum', options: ['seconds', 'minutes', 'hours', 'days'] } },
      ],
    });
    expect(property(property(form('case.set-sla'), 'sla').field, 'unit').field).toEqual({
      kind: 'enum',
      options: ['minutes', 'hours', 'days'],
    });
  });

  it('has nothing to fill in for end', () => {
    expect(form('end').properties).toEqual([]);
  });
});

describe('custom widgets by params path', () => {
  const widgetsOf = (kind: string) =>
    walk(form(kind))
      .filter(({ path }) => path.length > 0)
      .flatMap(({ path, field }) => {
        const widget = widgetFor(kind, path, field);
        return widget === null ? [] : [`${path.join('/')}: ${widget}`];
      });

  it('picks templates, queues, fields, cases and SLAs for case.create', () => {
    expect(widgetsOf('case.create')).toEqual([
      'case-template-id: template',
      'case-queue-id: queue',
      'fields: case-fields',
      'sla: duration',
      'retry/initial-interval: duration',
    ]);
  });

  it('picks the case, statuses, template fields, events and the payload schema where they belong', () => {
    expect(widgetsOf('case.set-status')).toEqual(
      expect.arrayContaining(['case: case-ref', 'status: status', 'retry/initial-interval: duration']),
    );
    expect(widgetsOf('case.update-fields')).toEqual(expect.arrayContaining(['operations/*/field: template-field']));
    expect(widgetsOf('wait.case')).toEqual(['case: case-ref', 'events: case-events', 'timeout: duration']);
    expect(widgetsOf('trigger.api')).toEqual(['fields: payload-schema']);
    expect(widgetsOf('case.add-to-queue')).toEqual(expect.arrayContaining(['case-queue-id: queue']));
    expect(widgetsOf('case.add-comment')).toEqual(expect.arrayContaining(['body: long-text']));
    expect(widgetsOf('logic.condition')).toEqual([]);
  });

  it('labels keys for people', () => {
    expect(fieldLabel('case-template-id')).toBe('Case template');
    expect(fieldLabel('error-on-timeout')).toBe('Fail the run on timeout');
    expect(fieldLabel('waited_until')).toBe('Waited until');
    expect(fieldLabel('url')).toBe('URL');
    expect(itemLabel('routes')).toBe('Route');
    expect(itemLabel('object-ids')).toBe('Object id');
  });

  it('labels a comment’s body "Comment" and an HTTP request’s "Body"', () => {
    expect(fieldLabel('body', 'case.add-comment')).toBe('Comment');
    expect(fieldLabel('body', 'http.request')).toBe('Body');
    expect(fieldLabel('body')).toBe('Body');
  });
});
