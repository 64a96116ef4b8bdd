import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../src/cases/case-collections.ts';
import { UnprocessableError } from '../../src/platform/errors.ts';
import { applyFieldOperations } from '../../src/cases/field-operations.ts';

const kase = (fields: Record<string, unknown>) =>
  ({
    fields,
    fieldSchemas: [
      { key: 'amount', type: 'number', required: true },
      { key: 'notes', type: 'string-array', required: false },
      { key: 'risk', type: 'choice', required: false, config: { choices: ['low', 'high'] } },
    ],
  }) as unknown as CaseDocument;

describe('case.update-fields operations', () => {
  it.each([
    ['set', { amount: 1 }, [{ field: 'amount', op: 'set', value: 5 }], { amount: 5 }],
    ['unset', { amount: 1, risk: 'low' }, [{ field: 'risk', op: 'unset' }], { amount: 1 }],
    [
      'push',
      { amount: 1, notes: ['a'] },
      [{ field: 'notes', op: 'push', value: 'b' }],
      { amount: 1, notes: ['a', 'b'] },
    ],
    ['push onto nothing', { amount: 1 }, [{ field: 'notes', op: 'push', value: 'a' }], { amount: 1, notes: ['a'] }],
    [
      'append',
      { amount: 1, notes: ['a'] },
      [{ field: 'notes', op: 'append', value: ['b', 'c'] }],
      { amount: 1, notes: ['a', 'b', 'c'] },
    ],
    [
      'remove',
      { amount: 1, notes: ['a', 'b', 'a'] },
      [{ field: 'notes', op: 'remove', value: 'a' }],
      { amount: 1, notes: ['b'] },
    ],
    [
      'in order',
      { amount: 1 },
      [
        { field: 'notes', op: 'push', value: 'x' },
        { field: 'notes', op: 'push', value: 'y' },
        { field: 'notes', op: 'remove', value: 'x' },
      ],
      { amount: 1, notes: ['y'] },
    ],
  ])('%s', (_name, fields, operations, expected) => {
    const change = applyFieldOperations(kase(fields), operations);
    expect(change?.set.fields).toEqual(expected);
    expect(change?.events.map((event) => event.name)).toEqual(['case.fields-updated']);
  });

  it('changes nothing when the values are already there', () => {
    expect(applyFieldOperations(kase({ amount: 5 }), [{ field: 'amount', op: 'set', value: 5 }])).toBeNull();
  });

  it.each([
    ['a value of the wrong type', [{ field: 'amount', op: 'set', value: 'lots' }]],
    ['a choice not offered', [{ field: 'risk', op: 'set', value: 'medium' }]],
    ['an unknown field', [{ field: 'colour', op: 'set', value: 'red' }]],
    ['removing a required field', [{ field: 'amount', op: 'unset' }]],
    ['pushing onto a non-list', [{ field: 'amount', op: 'push', value: 2 }]],
  ])('refuses %s', (_name, operations) => {
    expect(() => applyFieldOperations(kase({ amount: 1 }), operations)).toThrow(UnprocessableError);
  });
});
