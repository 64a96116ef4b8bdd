import { describe, expect, it } from 'vitest';
import { expressionReads, expressionStrings, parseExpression, parseTemplate } from '../src/index.ts';

describe('parseTemplate', () => {
  it.each([
    ['plain text', { kind: 'literal', text: 'plain text' }],
    ['{{ trigger.amount }}', { kind: 'expression', source: ' trigger.amount ', offset: 2 }],
    ['  {{ trigger.amount }} ', { kind: 'expression', source: ' trigger.amount ', offset: 4 }],
    ['{{ trigger.amount', { kind: 'unterminated', offset: 0 }],
  ] as const)('%j', (text, expected) => {
    expect(parseTemplate(text)).toEqual(expected);
  });

  it('splits text with embedded expressions into parts', () => {
    expect(parseTemplate('Case {{ steps.c.case.name }} is {{ steps.c.case.status }}.')).toEqual({
      kind: 'interpolation',
      parts: [
        { kind: 'text', text: 'Case ' },
        { kind: 'expression', source: ' steps.c.case.name ', offset: 7 },
        { kind: 'text', text: ' is ' },
        { kind: 'expression', source: ' steps.c.case.status ', offset: 34 },
        { kind: 'text', text: '.' },
      ],
    });
  });
});

describe('parseExpression', () => {
  it('accepts valid JSONata', () => {
    expect(parseExpression('$sum(trigger.items.price) > 100').ok).toBe(true);
  });

  it.each([['trigger.('], ['trigger.amount >'], ['   '], ['"unclosed']])('reports a syntax error in %j', (source) => {
    const parsed = parseExpression(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toBe('');
  });

  it('reports the position of the error', () => {
    expect(parseExpression('trigger.(')).toMatchObject({ ok: false, position: 9, code: 'S0203' });
  });
});

describe('expressionReads', () => {
  const reads = (source: string) => {
    const parsed = parseExpression(source);
    if (!parsed.ok) throw new Error(parsed.message);
    return expressionReads(parsed.ast);
  };

  it.each([
    ['trigger.amount > 5', true, [], false],
    ['steps.create.case.id', false, ['create'], false],
    ['steps.`create-case`.case.status = "approved"', false, ['create-case'], false],
    ['$count(steps.a.x[y > 1]) + $count(steps.b.z)', false, ['a', 'b'], false],
    ['$$.steps.root.value', false, ['root'], false],
    ['trigger.x ? steps.f : steps.g', true, ['f', 'g'], false],
    ['{ "a": steps.e, "b": [trigger.c] }', true, ['e'], false],
    ['$map(trigger.items, function($v) { steps.d.y })', true, ['d'], false],
    // Inside later steps and predicates, names read nested values, not the input.
    ['trigger.items[steps = 1].(trigger)', true, [], false],
    ['steps["a"]', false, [], true],
    ['$keys(steps)', false, [], true],
    ['"text"', false, [], false],
  ] as const)('%s', (source, trigger, steps, dynamicSteps) => {
    expect(reads(source)).toEqual({ trigger, steps, dynamicSteps, vars: [] });
  });

  it.each([
    ['vars.count + 1', ['count']],
    ['$count(vars.seen[$ = trigger.x]) > 0 and vars.flag', ['flag', 'seen']],
    ['trigger.items[vars = 1]', []],
    ['$keys(vars)', []],
  ] as const)('reads run variables: %s', (source, vars) => {
    expect(reads(source).vars).toEqual(vars);
  });
});

describe('expressionStrings', () => {
  it('finds expression strings with JSON pointers', () => {
    const params = { fields: { 'a/b': '{{ trigger.x }}', n: 1 }, list: ['x', 'n: {{ steps.s.y }}'], plain: 'no' };
    expect(expressionStrings(params, '/params').map((found) => found.path)).toEqual([
      '/params/fields/a~1b',
      '/params/list/1',
    ]);
  });
});
