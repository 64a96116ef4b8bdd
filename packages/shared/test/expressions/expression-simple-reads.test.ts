import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleExpressionReads } from '../../src/expressions/expression-simple-reads.ts';
import { expressionReads, parseExpression } from '../../src/index.ts';

/** What jsonata itself says: null when the source does not parse, else the `steps.<id>` it reads. */
function jsonataReads(source: string): string[] | null {
  const parsed = parseExpression(source);
  return parsed.ok ? expressionReads(parsed.ast).steps : null;
}

// Fragments of simple expressions, and near misses that jsonata tokenizes differently.
const fragment = fc.constantFrom(
  ...['trigger', 'steps', 'case', 'a', 'x1', '_b', '`create-case`', '`a.b`', '``', '`'],
  ...['.', '..', ' ', '\t', '\n', '\v', '\f', '\u00a0', 'é'],
  ...['+', '-', '*', '**', '/', '/*', '*/', '%', '=', '==', '!=', '!', '<', '<=', '>', '>=', '<>', '&', '|', '^'],
  ...['and', 'or', 'in', 'true', 'false', 'null', 'function', 'andy'],
  ...['0', '1', '01', '1.5', '1.', '.5', '1e5', '1e', '1e999', '"s"', "'t'", '"it\'s"', '"u\\n"', '"', "'"],
  ...['$', '$x', '$$', '$count(', '$1(', '(', ')', ',', '[', ']', '[0]', '[1.5]', '[-1]', '[]'],
  ...['{', '}', ';', ':', '?', '~>', '@', '#'],
);
const soup = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

// Mostly well-formed expressions (paths with indexes, calls, operators), each sometimes broken by one insertion.
const mostly = (valid: readonly string[], invalid: readonly string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
const name = mostly(
  ['steps', 'steps.c', 'trigger', 'a', 'x_1', '`b-c`', '`steps`'],
  ['and', 'in', 'true', 'é', '$x', 'a$', '1a'],
);
const index = mostly(
  ['', '', '', '', '[0]', '[1.5]', '[ 2 ]', '[0][1]', '[a]', '[price > 3]', '[steps.x = 1]', '[$count(steps.y)]'],
  ['[-1]', '[]', '[$$.steps.z]', '[%]'],
);
const literal = mostly(['1', '2.5e3', '"s"', "'t'", 'true', 'null'], ['01', '1e999', '"a\\"b"', '.5']);
const operator = mostly(['+', '-', '*', '/', '=', '!=', '<=', '>', '&', 'and', 'or'], ['in', '**', '..', '?']);
const space = fc.constantFrom('', ' ', '\n', '\f');
const { expression } = fc.letrec<{ operand: string; expression: string }>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small' },
    fc
      .array(fc.tuple(name, index), { minLength: 1, maxLength: 4 })
      .map((steps) => steps.map((s) => s.join('')).join('.')),
    literal,
    fc
      .tuple(mostly(['$count', '$f'], ['$', '$$']), fc.array(tie('expression'), { maxLength: 2 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
  ),
  expression: fc
    .tuple(tie('operand'), fc.array(fc.tuple(space, operator, tie('operand')), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map(([gap, op, operand]) => `${gap}${op}${gap}${operand}`).join('')),
}));
const broken = fc
  .tuple(expression, fc.nat(), fc.constantFrom('(', ')', '[', ']', ',', '.', '"', '`', '$', '/*'))
  .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));

describe('simpleExpressionReads', () => {
  it.each([
    ['trigger.amount > 1000', []],
    ['steps.create.case.id', ['create']],
    [' steps.`create-case`.case.status = "approved" ', ['create-case']],
    ['steps.b.x * 2 + steps.a.y & steps.b.z', ['a', 'b']],
    ['$count(steps.c.case.tags) > 0 and $string(trigger.items[0].id) != ""', ['c']],
    ['steps.c[0].case', ['c']],
    // A predicate reads each item, not the input.
    ['trigger.items[price > 10 and steps.x.y = 1].id', []],
    ['steps.a[steps.b.c > 1].d', ['a']],
    ['steps[0].case', []],
    ['steps', []],
    ['true and trigger.flag or null', []],
  ])('reads %j', (text, steps) => {
    expect(simpleExpressionReads(text)).toEqual(steps);
  });

  it.each([['$count'], ['$$.steps.a'], ['trigger.items[-1]'], ['trigger.a in ["x"]'], ['-1'], ['a$b'], ['']])(
    'leaves %j to jsonata',
    (text) => {
      expect(simpleExpressionReads(text)).toBeNull();
    },
  );

  it('agrees with jsonata on everything it accepts', () => {
    fc.assert(
      fc.property(fc.oneof(soup, expression, broken), (text) => {
        const simple = simpleExpressionReads(text);
        if (simple !== null) expect(simple).toEqual(jsonataReads(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts a good share of the generated expressions (so the property above is not vacuous)', () => {
    const accepted = fc
      .sample(expression, { numRuns: 3000, seed: 1 })
      .filter((text) => simpleExpressionReads(text) !== null);
    const withCalls = accepted.filter((text) => text.includes('('));
    const readingSteps = accepted.filter((text) => (simpleExpressionReads(text) ?? []).length > 0);
    expect(accepted.length).toBeGreaterThan(300);
    expect(withCalls.length).toBeGreaterThan(100);
    expect(readingSteps.length).toBeGreaterThan(25);
  });
});
