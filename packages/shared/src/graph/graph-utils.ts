/** Pure graph algorithms over node ids; `successors` lists each node's targets in a stable order. */
export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Nodes reachable from `start` (including it), in breadth-first order. */
export function reachableFrom(start: string, successors: Adjacency): string[] {
  const seen = new Set([start]);
  const order = [start];
  for (let index = 0; index < order.length; index++) {
    for (const next of successors.get(order[index] ?? '') ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

/** The edges (as `[from, to]`) that close a cycle, found by an iterative depth-first search from each root. */
export function backEdges(roots: readonly string[], successors: Adjacency): [string, string][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: [string, string][] = [];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; index: number }[] = [{ id: root, index: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const next = (successors.get(frame.id) ?? [])[frame.index++];
      if (next === undefined) {
        state.set(frame.id, 'done');
        stack.pop();
      } else if (state.get(next) === 'open') {
        found.push([frame.id, next]);
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push({ id: next, index: 0 });
      }
    }
  }
  return found;
}

/** Reverses an adjacency map. */
export function predecessorsOf(successors: Adjacency): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  for (const [from, targets] of successors) {
    for (const to of targets) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    }
  }
  return predecessors;
}

/**
 * Immediate dominators of the nodes reachable from `start` in an acyclic graph (Cooper, Harvey & Kennedy):
 * the last node every path from `start` passes through before reaching each node; `start` maps to null.
 */
export function immediateDominators(start: string, successors: Adjacency): Map<string, string | null> {
  const order = topologicalOrder(start, successors);
  const rank = new Map(order.map((id, index) => [id, index]));
  const predecessors = predecessorsOf(successors);
  const idom = new Map<string, string | null>([[start, null]]);
  const intersect = (a: string, b: string) => {
    let [left, right] = [a, b];
    while (left !== right) {
      while ((rank.get(left) ?? 0) > (rank.get(right) ?? 0)) left = idom.get(left) ?? start;
      while ((rank.get(right) ?? 0) > (rank.get(left) ?? 0)) right = idom.get(right) ?? start;
    }
    return left;
  };
  for (const id of order.slice(1)) {
    const incoming = (predecessors.get(id) ?? []).filter((from) => idom.has(from));
    const [first, ...rest] = incoming;
    idom.set(id, rest.reduce(intersect, first ?? start));
  }
  return idom;
}

/** Whether `dominator` strictly dominates `id`, walking up the immediate-dominator tree. */
export function strictlyDominates(idom: ReadonlyMap<string, string | null>, dominator: string, id: string): boolean {
  for (let at = idom.get(id); at !== undefined && at !== null; at = idom.get(at)) {
    if (at === dominator) return true;
  }
  return false;
}

/**
 * `strictlyDominates` in constant time per question, for many questions: numbers the dominator tree in
 * depth-first pre-order, so the nodes a node dominates are the ones numbered within its subtree's range.
 */
export function dominance(idom: ReadonlyMap<string, string | null>): (dominator: string, id: string) => boolean {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, parent] of idom) {
    if (parent === null) {
      roots.push(id);
      continue;
    }
    const siblings = children.get(parent);
    if (siblings) siblings.push(id);
    else children.set(parent, [id]);
  }
  const first = new Map<string, number>();
  const size = new Map<string, number>();
  const visit = (root: string) => {
    const stack: { id: string; child: number }[] = [{ id: root, child: 0 }];
    first.set(root, first.size);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const next = (children.get(frame.id) ?? [])[frame.child++];
      if (next === undefined) {
        size.set(frame.id, first.size - (first.get(frame.id) ?? 0));
        stack.pop();
      } else if (!first.has(next)) {
        first.set(next, first.size);
        stack.push({ id: next, child: 0 });
      }
    }
  };
  roots.forEach(visit);
  return (dominator, id) => {
    const from = first.get(dominator);
    const at = first.get(id);
    return from !== undefined && at !== undefined && from < at && at < from + (size.get(dominator) ?? 0);
  };
}

/** A topological order of the nodes reachable from `start` (Kahn's algorithm); assumes no cycle among them. */
export function topologicalOrder(start: string, successors: Adjacency): string[] {
  const reachable = new Set(reachableFrom(start, successors));
  const indegree = new Map([...reachable].map((id) => [id, 0]));
  for (const id of reachable) {
    for (const next of successors.get(id) ?? []) indegree.set(next, (indegree.get(next) ?? 0) + 1);
  }
  // The order doubles as the queue of nodes whose predecessors are all placed.
  const order = [start];
  for (let index = 0; index < order.length; index++) {
    for (const next of successors.get(order[index] ?? '') ?? []) {
      const left = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  return order;
}

/** Nodes that can reach `id` (its ancestors), excluding `id` unless it lies on a cycle. */
export function ancestorsOf(id: string, predecessors: Adjacency): Set<string> {
  const seen = new Set<string>();
  const queue = [...(predecessors.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop() ?? '';
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(predecessors.get(next) ?? []));
  }
  return seen;
}
