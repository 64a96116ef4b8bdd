import { describe, expect, it } from 'vitest';
import { backEdges, immediateDominators, reachableFrom, strictlyDominates, topologicalOrder } from '../src/index.ts';

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
