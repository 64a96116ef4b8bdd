import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleExpressionReads } from '../../src/expressions/expression-simple-reads.ts';
import { expressionReads, parseExpression } from '../../src/index.ts';

/** What jsonata itself says: null when the source does not parse, else the `steps.<id>` it reads. */
function jsonataReads(source: string): string[] | null {
  const parsed = parseExpression(source);
  return parsed.ok ? expressionReads(parsed.ast).steps : null;
}

// Fragments that make valid simple expressions, and near misses jsonata tokenizes differently.
const fragments = [
  ...['trigger', 'steps', 'case', 'a', 'x1', '_b', '`create-case`', '`a.b`', '``', '`'],
  ...['.', '..', ' ', '\t', '\n', '\v', '\f', '\u00a0', 'é'],
  ...['+', '-', '*', '**', '/', '/*', '*/', '%', '=', '==', '!=', '!', '<', '<=', '>', '>=', '<>', '&', '|', '^'],
  ...['and', 'or', 'in', 'true', 'false', 'null', 'function', 'andy'],
  ...['0', '1', '01', '1.5', '1.', '.5', '1e5', '1e', '1e999', '"s"', "'t'", '"it\'s"', '"u\\n"', '"', "'"],
  ...['$', '$x', '$$', '(', ')', '[', ']', '[0]', '{', '}', ',', ';', ':', '?', '~>', '@', '#'],
];
const source = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(''));

describe('simpleExpressionReads', () => {
  it.each([
    ['trigger.amount > 1000', []],
    ['steps.create.case.id', ['create']],
    [' steps.`create-case`.case.status = "approved" ', ['create-case']],
    ['steps.b.x * 2 + steps.a.y & steps.b.z', ['a', 'b']],
    ['steps', []],
    ['true and trigger.flag or null', []],
  ])('reads %j', (text, steps) => {
    expect(simpleExpressionReads(text)).toEqual(steps);
  });

  it.each([['$count(trigger.items)'], ['trigger.items[0]'], ['trigger.a in ["x"]'], ['-1'], ['a$b'], ['']])(
    'leaves %j to jsonata',
    (text) => {
      expect(simpleExpressionReads(text)).toBeNull();
    },
  );

  it('agrees with jsonata on everything it accepts', () => {
    fc.assert(
      fc.property(source, (text) => {
        const simple = simpleExpressionReads(text);
        if (simple !== null) expect(simple).toEqual(jsonataReads(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the common shapes (the property above is not vacuous)', () => {
    const accepted = fc.sample(source, { numRuns: 3000, seed: 1 }).filter((text) => simpleExpressionReads(text));
    expect(accepted.length).toBeGreaterThan(100);
  });
});
