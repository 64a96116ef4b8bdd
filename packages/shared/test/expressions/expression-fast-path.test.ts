import fc from 'fast-check';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { castBoolean, readPlainPath } from '../../src/expressions/expression-fast-path.ts';

const names = fc.constantFrom('a', 'b', 'amount', 'case', 'id', 'true', 'x_1');
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -2.5, '', 'text'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(names, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('the expression fast path', () => {
  it('reads every plain path as jsonata does, or leaves it to jsonata', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.array(names, { minLength: 1, maxLength: 4 }), async (input, path) => {
        const source = path.join('.');
        const fast = readPlainPath(source, input);
        if (!fast.handled) return;
        const expected: unknown = await jsonata(source).evaluate(input);
        expect(fast.value).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('casts to boolean as jsonata $boolean() does', async () => {
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const expected: unknown = await jsonata('$boolean($v)').evaluate(null, { v: value });
        expect(castBoolean(value)).toBe(expected === true);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves anything but a plain path to jsonata', () => {
    for (const source of ['a.b[0]', 'a + 1', '$count(a)', 'a.`b c`', 'true', "'a'", 'a.b.c and d']) {
      expect(readPlainPath(source, { a: { b: { c: 1 } } }).handled).toBe(false);
    }
    expect(readPlainPath(' steps.create.case.id ', { steps: { create: { case: { id: 'case_1' } } } })).toEqual({
      handled: true,
      value: 'case_1',
    });
  });
});
