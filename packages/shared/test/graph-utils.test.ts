import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backEdges,
  dominance,
  immediateDominators,
  reachableFrom,
  strictlyDominates,
  topologicalOrder,
} from '../src/index.ts';

const adjacency = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('graph utils', () => {
  // a → b → d, a → c → d, d → e: a diamond with a tail.
  const diamond = adjacency({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e'], x: ['e'] });

  it('walks breadth-first and topologically from the start', () => {
    expect(reachableFrom('a', diamond)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(topologicalOrder('a', diamond)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('finds immediate dominators: the merge point is dominated by the split, not by either branch', () => {
    const idom = immediateDominators('a', diamond);
    expect(Object.fromEntries(idom)).toEqual({ a: null, b: 'a', c: 'a', d: 'a', e: 'd' });
    expect(strictlyDominates(idom, 'a', 'e')).toBe(true);
    expect(strictlyDominates(idom, 'b', 'd')).toBe(false);
    expect(strictlyDominates(idom, 'e', 'e')).toBe(false);
  });

  it('reports the edges that close cycles', () => {
    expect(backEdges(['a'], adjacency({ a: ['b'], b: ['c'], c: ['a', 'c'] }))).toEqual([
      ['c', 'a'],
      ['c', 'c'],
    ]);
    expect(backEdges(['a'], diamond)).toEqual([]);
  });
});

describe('dominance', () => {
  // Random DAGs: edges only go from a lower to a higher index, node 0 is the start.
  const dags = fc
    .array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 })
    .map((pairs) =>
      adjacency(
        Object.fromEntries(
          Array.from({ length: 12 }, (_, from) => [
            `n${from}`,
            [...new Set(pairs.filter(([a, b]) => a === from && b > a).map(([, b]) => `n${b}`))],
          ]),
        ),
      ),
    );

  it('answers exactly as strictlyDominates does, for every pair', () => {
    fc.assert(
      fc.property(dags, (successors) => {
        const idom = immediateDominators('n0', successors);
        const dominates = dominance(idom);
        const ids = [...successors.keys(), 'missing'];
        for (const a of ids) for (const b of ids) expect(dominates(a, b)).toBe(strictlyDominates(idom, a, b));
      }),
    );
  });
});
