import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  evaluateExpression,
  evaluateValue,
  ExpressionError,
  type ExpressionScope,
} from '../../src/index.ts';

const scope: ExpressionScope = {
  trigger: { amount: 1500, name: 'Ada', items: [{ id: 'a', price: 10 }], tags: [] },
  steps: { create: { case: { id: 'case_1', name: 'KYC-1', fields: { amount: 200 } } } },
};
const withItems = (items: unknown[]): ExpressionScope => ({
  ...scope,
  trigger: { ...(scope.trigger as object), items },
});

/** The ExpressionError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<ExpressionError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ExpressionError)) throw new Error(`expected an ExpressionError, got ${String(error)}`);
  return error;
}

describe('evaluateExpression', () => {
  it.each([
    ['trigger.amount > 1000', scope, true],
    ['trigger.amount < 1000', scope, false],
    ['steps.create.case.id', scope, 'case_1'],
    ['steps.create.case.fields', scope, { amount: 200 }],
    ['trigger.missing', scope, undefined],
    ['steps.other.case.id', scope, undefined],
    // A single match is a single value; several are an array; `[]` keeps an array.
    ['trigger.items.id', withItems([{ id: 'a' }]), 'a'],
    ['trigger.items.id', withItems([{ id: 'a' }, { id: 'b' }]), ['a', 'b']],
    ['trigger.items.id[]', withItems([{ id: 'a' }]), ['a']],
    ['$count(trigger.items)', withItems([{ id: 'a' }, { id: 'b' }, { id: 'c' }]), 3],
    ['$count(trigger.nothing)', scope, 0],
    ['$sum(trigger.items.price) * 2', scope, 20],
    ['{ "case": steps.create.case.id, "gone": trigger.missing }', scope, { case: 'case_1' }],
    ['"Dear " & trigger.name', scope, 'Dear Ada'],
  ] as const)('%s', async (source, input, expected) => {
    expect(await evaluateExpression(source, input)).toEqual(expected);
  });

  it('returns plain arrays, not jsonata sequences', async () => {
    const ids = await evaluateExpression('trigger.items.id', withItems([{ id: 'a' }, { id: 'b' }]));
    expect(Object.keys(ids as object)).toEqual(['0', '1']);
    expect(JSON.stringify(ids)).toBe('["a","b"]');
  });

  it('does not hand out the scope itself', async () => {
    const fields = (await evaluateExpression('steps.create.case.fields', scope)) as { amount: number };
    fields.amount = 0;
    expect(await evaluateExpression('steps.create.case.fields.amount', scope)).toBe(200);
  });

  it('gives $now() as an ISO timestamp string', async () => {
    expect(await evaluateExpression('$now()', scope)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it.each([
    ['trigger.(', 'S0203', 9],
    ['trigger.amount >', 'S0207', 16],
    ['   ', null, 0],
    ['trigger.name + 1', 'T2001', 14],
    ['$uppercase', null, null],
  ])('fails on %j with code %j at %j', async (source, code, position) => {
    const error = await failure(evaluateExpression(source, scope));
    expect(error).toMatchObject({ path: '', code, position });
    expect(error.message).not.toBe('');
  });
});

describe('evaluateExpression limits', () => {
  it.each([
    ['endless tail recursion', '($f := function($x) { $f($x) }; $f(1))', 'steps-exceeded'],
    ['endless recursion', '($f := function($x) { 1 + $f($x) }; $f(1))', 'depth-exceeded'],
    ['a huge range', '[1..10000000]', 'D2015'],
    ['an over-long string', '$pad("", 2000000)', 'size-exceeded'],
    ['a result over 1 MB', '$map([1..60000], function($i) { "0123456789abcdefghij" })', 'size-exceeded'],
    ['a half-gigabyte pad', '$pad("", 500000000, "x")', 'size-exceeded'],
    ['a join of many big strings', '$join($map([1..20], function($v) { $pad("", 900000, "y") }))', 'size-exceeded'],
    ['a shared value written out', '($a := [1..1000]; $string($map([1..1000], function($v) { $a })))', 'size-exceeded'],
    ['ranges built in a loop', '$count($map([1..100000], function($v) { [1..100000] }))', 'allocation-exceeded'],
  ])('stops %s with an ExpressionError', async (_name, source, code) => {
    const error = await failure(evaluateExpression(source, scope));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/more than|deeper than|beyond|larger than/);
  });

  it.each([
    ['steps-exceeded', '($f := function($n, $sum) { $n = 0 ? $sum : $f($n - 1, $sum + 1) }; $f(trigger.n, 0))'],
    ['depth-exceeded', '($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(trigger.n))'],
  ])('counts per evaluation (%s): a long run fails, a short one after it succeeds', async (code, source) => {
    expect((await failure(evaluateExpression(source, { trigger: { n: 1_000_000 }, steps: {} }))).code).toBe(code);
    expect(await evaluateExpression(source, { trigger: { n: 3 }, steps: {} })).toBe(3);
  });

  it('bounds all the expressions of one value together', async () => {
    // Each alone stays within the step limit; twenty of them in one value do not.
    const loop = '{{ $count($map([1..2000], function($v) { $v + 1 })) }}';
    expect(await evaluateValue({ a: loop }, scope)).toEqual({ a: 2000 });
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, loop]));
    const error = await failure(evaluateValue(many, scope));
    expect(error.code).toBe('steps-exceeded');
  });

  it('evaluates the same expression concurrently without mixing results', async () => {
    const scopes = [1, 2, 3, 4].map((n) => ({ trigger: { n }, steps: {} }));
    const results = await Promise.all(scopes.map((input) => evaluateExpression('$sum([1..trigger.n])', input)));
    expect(results).toEqual([1, 3, 6, 10]);
  });
});

describe('evaluateValue', () => {
  it('evaluates whole-string expressions to any JSON type, interpolations to text', async () => {
    const params = {
      'case-template-id': 'ctmpl_kyc',
      fields: {
        amount: '{{ trigger.amount }}',
        big: '{{ trigger.amount > 1000 }}',
        items: ' {{ trigger.items }} ',
        title: 'Case {{ steps.create.case.name }} for {{ trigger.name }}',
        detail: 'Items: {{ trigger.items }}, tags: {{ trigger.tags }}, none: [{{ trigger.missing }}]',
      },
      retry: { 'max-attempts': 3 },
    };
    expect(await evaluateValue(params, scope)).toEqual({
      'case-template-id': 'ctmpl_kyc',
      fields: {
        amount: 1500,
        big: true,
        items: [{ id: 'a', price: 10 }],
        title: 'Case KYC-1 for Ada',
        detail: 'Items: [{"id":"a","price":10}], tags: [], none: []',
      },
      retry: { 'max-attempts': 3 },
    });
  });

  it('leaves out keys and items whose expression matches nothing', async () => {
    const params = { fields: { country: '{{ trigger.country }}', name: '{{ trigger.name }}' } };
    expect(await evaluateValue(params, scope)).toEqual({ fields: { name: 'Ada' } });
    expect(await evaluateValue(['{{ trigger.missing }}', '{{ trigger.name }}', null], scope)).toEqual(['Ada', null]);
  });

  it('puts a sequence into an array item as it is: one match a value, several an array', async () => {
    const params = { 'object-ids': ['{{ trigger.items.id }}', 'fixed'] };
    expect(await evaluateValue(params, withItems([{ id: 'a' }]))).toEqual({ 'object-ids': ['a', 'fixed'] });
    expect(await evaluateValue(params, withItems([{ id: 'a' }, { id: 'b' }]))).toEqual({
      'object-ids': [['a', 'b'], 'fixed'],
    });
  });

  it.each([
    [{ fields: { amount: '{{ trigger.( }}' } }, '/fields/amount', 'S0203', 13],
    [{ list: ['ok', 'x {{ trigger.name + 1 }}'] }, '/list/1', 'T2001', 19],
    [{ 'a/b': '{{ trigger.name' }, '/a~1b', null, 0],
    [{ note: 'ends {{ }}' }, '/note', null, 7],
  ])('reports errors in %j at their JSON pointer', async (value, path, code, position) => {
    const error = await failure(evaluateValue(value, scope));
    expect(error).toMatchObject({ path, code, position });
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('returns a value without "{{" unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        fc.pre(!JSON.stringify(value).includes('{{'));
        expect(await evaluateValue(value, scope)).toStrictEqual(value);
      }),
    );
  });
});

describe('evaluateCondition', () => {
  it.each([
    ['0', false],
    ['1', true],
    ["''", false],
    ["'x'", true],
    ['[]', false],
    ['[0]', false],
    ['[0, 1]', true],
    ['{}', false],
    ['{ "a": 1 }', true],
    ['null', false],
    ['trigger.missing', false],
    ['trigger.amount > 1000', true],
    ['steps.create.case.fields.amount > 1000', false],
    ['$uppercase', false],
  ])('%s is %s', async (source, expected) => {
    expect(await evaluateCondition(source, scope)).toBe(expected);
  });

  it('fails on a syntax error', async () => {
    expect((await failure(evaluateCondition('trigger.amount >', scope))).code).toBe('S0207');
  });
});
