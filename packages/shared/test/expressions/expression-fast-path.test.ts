import fc from 'fast-check';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { castBoolean, evaluateFast } from '../../src/expressions/expression-fast-path.ts';
import { evaluateConditionNow, evaluateValueNow } from '../../src/expressions/expression-evaluate.ts';

const keys = ['a', 'b', 'amount', 'case', 'id', 'x_1', 'inquiry-id', 'b c', 'constructor', 'true'];
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -2.5, 10000, '', 'text', 'a'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
  ),
})).value;
const input = fc.dictionary(fc.constantFrom(...keys), json, { maxKeys: 6 });

// Expressions from the fast path's grammar and a little beyond it (filters, calls, `in`, blocks), so both answers meet.
const name = fc.constantFrom('a', 'b', 'amount', 'case', 'id', 'x_1', '`inquiry-id`', '`b c`', 'constructor');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((names) => names.join('.'));
// The literals include the inputs' values, so comparisons meet equal operands often.
const literal = fc.constantFrom(
  '0',
  '1',
  '-2.5',
  '10000',
  '1e3',
  '"x"',
  "'text'",
  '"a"',
  '""',
  'true',
  'false',
  'null',
);
const operator = fc.constantFrom('+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', '&', 'and', 'or', 'in');
const expression = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    path,
    literal,
    fc.tuple(tie('expr'), operator, tie('expr')).map(([lhs, op, rhs]) => `${lhs} ${op} ${rhs}`),
    fc
      .tuple(tie('expr'), tie('expr'), fc.option(tie('expr')))
      .map(([c, t, e]) => `${c} ? ${t}${e === null ? '' : ` : ${e}`}`),
    fc.tuple(tie('expr'), operator).map(([both, op]) => `${both} ${op} ${both}`),
    tie('expr').map((inner) => `-${inner}`),
    tie('expr').map((inner) => `(${inner})`),
    path.map((p) => `${p}[0]`),
    path.map((p) => `$count(${p})`),
  ),
})).expr;

async function jsonataResult(source: string, data: unknown): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await jsonata(source).evaluate(data) };
  } catch {
    return { ok: false };
  }
}

describe('the expression fast path', () => {
  it('answers every expression it handles exactly as jsonata does, and never one jsonata refuses', async () => {
    let handled = 0;
    await fc.assert(
      fc.asyncProperty(expression, input, async (source, data) => {
        const fast = evaluateFast(source, data, 1_000_000);
        if (!fast.handled) return;
        handled += 1;
        const expected = await jsonataResult(source, data);
        expect(expected.ok, `jsonata fails on ${source}`).toBe(true);
        if (expected.ok) expect(fast.value).toEqual(expected.value);
      }),
      { numRuns: 3_000 },
    );
    // The property means little if the fast path answered almost nothing.
    expect(handled).toBeGreaterThan(1_000);
  });

  it('agrees with jsonata on the edges: mixed-type equality, negative remainders, equal operands, nothing', async () => {
    const data = { n: -5, s: 'a', z: 0, e: '', t: true, o: { k: 1 } };
    const sources = [
      '1 = true',
      'z = false',
      'e = z',
      'null = false',
      '"1" = 1',
      'o = o',
      'n % 3',
      '-n % 3',
      's < "b"',
      '1 <= 1',
      '1 < 1',
      'missing = missing',
      'missing != 1',
      'missing < 1',
      'missing + 1',
      'missing & s',
      's & missing',
      't and o',
      'z or e',
      'o ? s : n',
      'z ? s',
      '-missing',
      'o.k',
      'o.missing',
    ];
    for (const source of sources) {
      const fast = evaluateFast(source, data, 1_000_000);
      const expected = await jsonataResult(source, data);
      if (fast.handled) expect(expected, source).toEqual({ ok: true, value: fast.value });
    }
  });

  it("reads backquoted names and answers the review workflow's expressions without jsonata", () => {
    const scope = {
      trigger: { amount: 25_000, 'inquiry-id': 'inq_1', country: 'DE' },
      steps: { 'create-case': { case: { id: 'case_1', name: 'KYC-1' } } },
    };
    expect(evaluateConditionNow(' trigger.amount >= 10000 ', scope)).toEqual({ handled: true, value: true });
    expect(
      evaluateValueNow(
        {
          fields: { amount: '{{ trigger.amount }}', country: '{{ trigger.missing }}', risk: 'high' },
          'object-ids': ['{{ trigger.`inquiry-id` }}'],
          note: 'Review of {{ steps.`create-case`.case.name }} started',
        },
        scope,
      ),
    ).toEqual({
      handled: true,
      value: {
        fields: { amount: 25_000, risk: 'high' },
        'object-ids': ['inq_1'],
        note: 'Review of KYC-1 started',
      },
    });
  });

  it('leaves sequences, functions, filters and errors to jsonata', () => {
    const data = { a: { b: [1, 2], c: 'x', n: 2 } };
    for (const source of ['a.b', 'a.b[0]', '$count(a.b)', 'a.c + 1', 'a.n < a.c', '(a.n)', 'a.n / 0', 'a.c in a.b']) {
      expect(evaluateFast(source, data, 1_000_000).handled, source).toBe(false);
    }
    expect(evaluateValueNow({ x: '{{ $count(a.b) }}' }, { trigger: data, steps: {} }).handled).toBe(false);
    expect(evaluateFast('a.c & a.c', data, 1).handled).toBe(false);
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
});
