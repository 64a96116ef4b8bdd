import type { TypedNode } from '../nodes/node-catalog.ts';
import { issue, type CompileIssue } from './compile-issue.ts';

/**
 * A well-formed `logic.parallel` or `logic.for-each` (`loop`, one branch: its body): its join and, per branch, the
 * nodes that run in it (nested parallels included).
 */
export interface ParallelRegion {
  join: string;
  loop: boolean;
  branches: { handle: string; head: string; nodes: Set<string> }[];
}

interface Graph {
  typed: ReadonlyMap<string, TypedNode>;
  next: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  predecessors: ReadonlyMap<string, readonly string[]>;
  reachable: readonly string[];
}

/**
 * Checks the shape of every parallel (docs/architecture.md, "Parallel branches"): each branch leads, on every path,
 * to the same `logic.join` (no end, no open handle inside a branch), no node belongs to two branches, a branch is
 * entered only from its parallel and the join only from its branches, and each join closes exactly one parallel.
 * Parallels may nest inside a branch. A `logic.for-each` is checked the same way, its body being its one branch;
 * nothing that opens a region (a parallel, another loop) may sit in a loop's body. Run on an acyclic flow; returns
 * the regions of the well-formed parallels and loops.
 */
export function checkParallels(graph: Graph, issues: CompileIssue[]): Map<string, ParallelRegion> {
  const { typed, next } = graph;
  const isLoop = (id: string) => typed.get(id)?.kind === 'logic.for-each';
  const reached = new Set(graph.reachable);
  const regions = new Map<string, ParallelRegion | null>();

  const walkBranch = (parallel: string, handle: string, head: string) => {
    const nodes = new Set<string>();
    const joins = new Set<string>();
    const seen = new Set<string>();
    const loop = isLoop(parallel);
    const inside = loop
      ? `inside the body of "${parallel}": the body must reach a Join`
      : `inside branch "${handle}" of "${parallel}": every branch must reach the Join`;
    let ok = true;
    for (const stack = [head]; stack.length > 0;) {
      const id = stack.pop() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      const node = typed.get(id);
      if (!node) {
        ok = false; // an invalid node, reported by its own check
        continue;
      }
      if (node.kind === 'logic.join') {
        joins.add(id);
        continue;
      }
      nodes.add(id);
      if (node.kind === 'end') {
        issues.push(issue('unjoined-branch', `the run ends here, ${inside}`, { 'node-id': id }));
        ok = false;
        continue;
      }
      let targets = [...(next.get(id) ?? new Map<string, string | null>())];
      if (loop && opensRegion(node.kind)) {
        const message = `a ${node.kind === 'logic.for-each' ? 'For each' : 'Parallel'} inside the body of "${parallel}": loops hold no loops or parallels`;
        issues.push(issue('loop-scope', message, { 'node-id': id }));
        ok = false;
        continue;
      }
      if (opensRegion(node.kind)) {
        const inner = regionOf(id);
        if (!inner) {
          ok = false;
          continue;
        }
        for (const branch of inner.branches) branch.nodes.forEach((n) => nodes.add(n));
        nodes.add(inner.join);
        targets = [...(next.get(inner.join) ?? new Map<string, string | null>())];
      }
      for (const [out, target] of targets) {
        if (target !== null) stack.push(target);
        else {
          const at = { 'node-id': id, path: `/handles/${out}` };
          issues.push(issue('unjoined-branch', `handle "${out}" leads nowhere ${inside}`, at));
          ok = false;
        }
      }
    }
    if (joins.size > 1) {
      const message = `${loop ? 'the body' : `branch "${handle}"`} reaches more than one Join (${[...joins].sort().join(', ')})`;
      issues.push(issue('unjoined-branch', message, { 'node-id': parallel, path: `/handles/${handle}` }));
      ok = false;
    }
    const [join] = joins;
    return ok && join !== undefined ? { handle, head, nodes, join } : null;
  };

  const regionOf = (parallel: string): ParallelRegion | null => {
    const known = regions.get(parallel);
    if (known !== undefined) return known;
    regions.set(parallel, null); // a parallel inside its own branch is a cycle, reported by check-flow
    const branches = [];
    let ok = true;
    for (const [handle, head] of next.get(parallel) ?? []) {
      if (head === null) {
        const message = isLoop(parallel)
          ? 'the body leads nowhere: it must reach a Join'
          : `branch "${handle}" leads nowhere: every branch must reach the Join`;
        issues.push(issue('unjoined-branch', message, { 'node-id': parallel, path: `/handles/${handle}` }));
        ok = false;
        continue;
      }
      const branch = walkBranch(parallel, handle, head);
      if (branch) branches.push(branch);
      else ok = false;
    }
    if (!ok) return null;
    const joins = [...new Set(branches.map((branch) => branch.join))].sort();
    const [join] = joins;
    if (join === undefined || joins.length > 1) {
      const message = `the branches reach different Joins (${joins.join(', ')}): every branch must reach the same one`;
      issues.push(issue('unjoined-branch', message, { 'node-id': parallel }));
      return null;
    }
    const region = { join, branches, loop: isLoop(parallel) };
    if (!checkCrossings(parallel, region)) return null;
    regions.set(parallel, region);
    return region;
  };

  const checkCrossings = (parallel: string, region: ParallelRegion): boolean => {
    const before = issues.length;
    const owner = new Map<string, string>();
    for (const branch of region.branches) {
      for (const id of branch.nodes) {
        const other = owner.get(id);
        if (other === undefined) owner.set(id, branch.handle);
        else {
          const message = `runs in both branch "${other}" and branch "${branch.handle}" of "${parallel}": a node belongs to one branch`;
          issues.push(issue('crossing-branches', message, { 'node-id': id }));
        }
      }
    }
    const inputs = (id: string) => (graph.predecessors.get(id) ?? []).filter((from) => reached.has(from));
    for (const branch of region.branches) {
      for (const id of branch.nodes) {
        for (const from of inputs(id)) {
          if (owner.get(from) === branch.handle || (from === parallel && id === branch.head)) continue;
          const message = region.loop
            ? `"${from}" leads into the body of "${parallel}" from outside it: a body is entered only from its For each`
            : `"${from}" leads into branch "${branch.handle}" of "${parallel}" from outside it: a branch is entered only from its Parallel`;
          issues.push(issue('crossing-branches', message, { 'node-id': id }));
        }
      }
    }
    for (const from of inputs(region.join)) {
      if (owner.has(from) || from === parallel) continue;
      const message = `"${from}" leads into the Join of "${parallel}" from outside its ${region.loop ? 'body' : 'branches'}`;
      issues.push(issue('stray-join', message, { 'node-id': region.join }));
    }
    return issues.length === before;
  };

  const parallels = graph.reachable.filter((id) => opensRegion(typed.get(id)?.kind));
  parallels.forEach(regionOf);
  const wellFormed = new Map<string, ParallelRegion>();
  const closes = new Map<string, string[]>();
  for (const id of parallels) {
    const region = regions.get(id);
    if (!region) continue;
    wellFormed.set(id, region);
    closes.set(region.join, [...(closes.get(region.join) ?? []), id]);
  }
  for (const [join, owners] of closes) {
    if (owners.length > 1) {
      const message = `closes more than one Parallel or For each (${owners.join(', ')}): each needs its own Join`;
      issues.push(issue('stray-join', message, { 'node-id': join }));
    }
  }
  if (wellFormed.size === parallels.length) {
    for (const id of graph.reachable) {
      if (typed.get(id)?.kind === 'logic.join' && !closes.has(id)) {
        const message = 'a Join closes a Parallel: no Parallel has all of its branches lead here';
        issues.push(issue('stray-join', message, { 'node-id': id }));
      }
    }
  }
  return wellFormed;
}

/**
 * The flow as if each parallel ran its branches one after another (branch 1's ends lead into branch 2, …, the last
 * into the join). All branches run before the join, so a node that surely runs in its branch surely ran after the
 * join: dominators of this graph say so, where the drawn graph's (the join having several inputs) cannot.
 */
export function sequentialSuccessors(
  successors: ReadonlyMap<string, readonly string[]>,
  regions: ReadonlyMap<string, ParallelRegion>,
): Map<string, string[]> {
  const out = new Map([...successors].map(([id, targets]) => [id, [...targets]]));
  for (const [parallel, { join, branches, loop }] of regions) {
    const chain = branches.filter((branch) => branch.head !== join);
    const [first] = chain;
    if (!first) continue;
    // A loop may run its body no time at all: nothing in it surely ran after the join.
    out.set(parallel, loop ? [first.head, join] : [first.head]);
    chain.forEach((branch, index) => {
      const following = chain[index + 1];
      if (!following) return;
      for (const id of branch.nodes) {
        const targets = out.get(id);
        if (targets?.includes(join)) out.set(id, [...new Set(targets.map((t) => (t === join ? following.head : t)))]);
      }
    });
  }
  return out;
}

const opensRegion = (kind: string | undefined) => kind === 'logic.parallel' || kind === 'logic.for-each';
