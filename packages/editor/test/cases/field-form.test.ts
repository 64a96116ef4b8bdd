import type { FieldSchema } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { changedFields, draftOf, fieldPointer, formFields, valueOf } from '../../src/cases/field-form.ts';

const schemas: FieldSchema[] = [
  { key: 'amount', type: 'number', label: 'Amount', required: true },
  { key: 'country', type: 'choice', label: 'Country', required: false, config: { choices: ['DE', 'FR'] } },
  { key: 'notes', type: 'string-array', required: false },
  { key: 'reviewStarted', type: 'boolean', required: false },
];
const stored = {
  amount: { type: 'number' as const, value: 25000 },
  country: { type: 'choice' as const, value: 'DE' },
  notes: { type: 'string-array' as const, value: ['first', 'second'] },
  reviewStarted: { type: 'boolean' as const, value: null },
  legacy: { type: 'string' as const, value: 'kept' },
};

describe('case fields as a form', () => {
  it('lists the fields in the template’s order with its labels and choices, then those it no longer has', () => {
    expect(formFields(stored, schemas).map((f) => [f.key, f.label, f.required, f.choices])).toEqual([
      ['amount', 'Amount', true, []],
      ['country', 'Country', false, ['DE', 'FR']],
      ['notes', 'notes', false, []],
      ['reviewStarted', 'reviewStarted', false, []],
      ['legacy', 'legacy', false, []],
    ]);
  });

  it('turns values into drafts and back', () => {
    expect(draftOf('string-array', ['a', 'b'])).toBe('a\nb');
    expect(valueOf('string-array', ' a \n\n b')).toEqual(['a', 'b']);
    expect(valueOf('number', '12.5')).toBe(12.5);
    expect(valueOf('boolean', 'false')).toBe(false);
    expect(valueOf('object', '{"a": 1}')).toEqual({ a: 1 });
    expect(valueOf('multi-choice', ['x'])).toEqual(['x']);
    expect(valueOf('multi-choice', [])).toBeNull();
    expect(draftOf('object', { a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('sends text that does not read as the type as it is, for the API to refuse next to the field', () => {
    expect(valueOf('number', 'lots')).toBe('lots');
    expect(valueOf('object', '{oops')).toBe('{oops');
  });

  it('sends only the fields changed, an emptied one as null', () => {
    const fields = formFields(stored, schemas);
    expect(changedFields(fields, stored, {})).toEqual({});
    expect(
      changedFields(fields, stored, { amount: '25000', country: '', notes: 'first\nsecond\nthird', reviewStarted: '' }),
    ).toEqual({ country: null, notes: ['first', 'second', 'third'] });
  });

  it('names a field by the pointer the API uses', () => {
    expect(fieldPointer('review-started')).toBe('/data/attributes/fields/review-started');
  });
});
