import { ancestorsOf, type Adjacency } from './graph-utils.ts';

/**
 * Answers "can `ancestor` run before `id`" for every pair: bit sets over a topological order (cheap for
 * hundreds of nodes), with a breadth-first fallback for nodes outside it (on or behind a cycle, unreachable).
 */
export function createAncestry(order: readonly string[], predecessors: Adjacency) {
  const index = new Map(order.map((id, position) => [id, position]));
  const words = Math.ceil(order.length / 32);
  const bits = new Map<string, Uint32Array>();
  for (const id of order) {
    const own = new Uint32Array(words);
    for (const from of predecessors.get(id) ?? []) {
      const position = index.get(from);
      const theirs = bits.get(from);
      if (position === undefined || !theirs) continue;
      for (let word = 0; word < words; word++) own[word] = (own[word] ?? 0) | (theirs[word] ?? 0);
      own[position >>> 5] = (own[position >>> 5] ?? 0) | (1 << (position & 31));
    }
    bits.set(id, own);
  }
  const fallback = new Map<string, Set<string>>();
  return (ancestor: string, id: string): boolean => {
    const own = bits.get(id);
    const position = index.get(ancestor);
    const allKnown = own && position !== undefined && (predecessors.get(id) ?? []).every((from) => bits.has(from));
    if (allKnown) return ((own[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0;
    const found = fallback.get(id) ?? ancestorsOf(id, predecessors);
    fallback.set(id, found);
    return found.has(ancestor);
  };
}
