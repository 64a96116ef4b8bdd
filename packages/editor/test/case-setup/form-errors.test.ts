import { describe, expect, it } from 'vitest';
import { networkError, parseApiError } from '../../src/api/api-error.ts';
import { errorsFromFailure, liveServerErrors, pointerOf, valueAt } from '../../src/case-setup/form-errors.ts';
import { templateSlot } from '../../src/case-setup/template-validation.ts';

describe('which control shows a problem at a pointer', () => {
  it.each([
    ['/data/attributes/key', '/data/attributes/key'],
    ['/data/attributes/statuses', '/data/attributes/statuses'],
    ['/data/attributes/statuses/2/name', '/data/attributes/statuses/2/name'],
    ['/data/attributes/field-schemas/1/key', '/data/attributes/field-schemas/1/key'],
    ['/data/attributes/field-schemas/1/config/choices', '/data/attributes/field-schemas/1/config/choices'],
    ['/data/attributes/field-schemas/1/config/choices/3', '/data/attributes/field-schemas/1/config/choices'],
    ['/data/attributes/field-schemas/1/config', '/data/attributes/field-schemas/1/config/choices'],
    ['/data/attributes/field-schemas/1/colour', '/data/attributes/field-schemas/1'],
    ['/data/attributes/sla-breach-queue-id', '/data/attributes/sla-breach-queue-id'],
    ['/data/attributes/default-sla-seconds', '/data/attributes/default-sla-seconds'],
    ['/data/attributes', null],
    ['/data/attributes/colour', null],
    ['/', null],
    ['', null],
  ])('%j → %j', (pointer, slot) => {
    expect(templateSlot(pointer)).toBe(slot);
  });

  it('writes and reads pointers as JSON Pointer does', () => {
    expect(pointerOf(['data', 'attributes', 'field-schemas', 0, 'key'])).toBe('/data/attributes/field-schemas/0/key');
    expect(pointerOf(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    expect(valueAt({ 'a/b': { 'c~d': [1, 2] } }, '/a~1b/c~0d/1')).toBe(2);
    expect(valueAt({ a: 1 }, '/a/b')).toBeUndefined();
  });
});

describe("the API's errors on the form", () => {
  it('puts each error next to the control its source.pointer names, the rest at the top', () => {
    const failure = parseApiError(422, {
      errors: [
        {
          title: 'Conflict',
          details: 'A case template with key KYC already exists.',
          source: { pointer: '/data/attributes/key' },
        },
        {
          title: 'Bad Request',
          details: 'Too small: expected string to have >=1 characters at body /data/attributes/statuses/1/name',
          source: { pointer: '/data/attributes/statuses/1/name' },
        },
        { title: 'Bad Request', details: 'Unrecognized key: "colour"', source: { pointer: '/data/attributes' } },
        { title: 'Unprocessable Entity', details: 'Something else went wrong.' },
      ],
    });
    const errors = errorsFromFailure(failure, templateSlot);
    expect(Object.fromEntries(errors.bySlot)).toEqual({
      '/data/attributes/key': ['A case template with key KYC already exists.'],
      '/data/attributes/statuses/1/name': ['Too small: expected string to have >=1 characters'],
    });
    expect(errors.general).toEqual(['Unrecognized key: "colour" (at /data/attributes)', 'Something else went wrong.']);
  });

  it('says at the top when the API cannot be reached or answers without an error document', () => {
    expect(errorsFromFailure(networkError(new TypeError('fetch failed')), templateSlot).general[0]).toMatch(
      /^Cannot reach the API \(fetch failed\)/,
    );
    const proxy = errorsFromFailure(parseApiError(502, '<html>Bad gateway</html>'), templateSlot);
    expect(proxy).toEqual({ bySlot: new Map(), general: ['The API is unreachable (bad gateway) (HTTP 502).'] });
  });

  it("drops a control's server problem once the control is edited, and keeps the others", () => {
    const failure = parseApiError(409, {
      errors: [
        { title: 'Conflict', details: 'key taken', source: { pointer: '/data/attributes/key' } },
        {
          title: 'Unprocessable Entity',
          details: 'archived',
          source: { pointer: '/data/attributes/sla-breach-queue-id' },
        },
      ],
    });
    const errors = errorsFromFailure(failure, templateSlot);
    const sent = { data: { attributes: { key: 'KYC', 'sla-breach-queue-id': 'cq_1' } } };
    const edited = { data: { attributes: { key: 'KYC2', 'sla-breach-queue-id': 'cq_1' } } };
    expect(Object.fromEntries(liveServerErrors(errors, sent, sent).bySlot)).toEqual({
      '/data/attributes/key': ['key taken'],
      '/data/attributes/sla-breach-queue-id': ['archived'],
    });
    expect(Object.fromEntries(liveServerErrors(errors, sent, edited).bySlot)).toEqual({
      '/data/attributes/sla-breach-queue-id': ['archived'],
    });
  });
});
