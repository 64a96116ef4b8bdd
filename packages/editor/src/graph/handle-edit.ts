import { nodeHandles } from './node-handles.ts';
import { keyedHandleLists, routeKeys } from '@casework/shared';

type Params = Record<string, unknown>;

/**
 * What a params edit does to a node's outputs. `in-place`: every output stays where it is, though a route's (or a
 * parallel branch's) key may have been edited (route i before is route i after). `restructured`: outputs were added, removed or
 * reordered, or switched off (`timed-out` under `error-on-timeout`); edges stay on their keys, and the
 * `removed` handles' edges go with them.
 */
export type HandleEdit = { type: 'in-place' } | { type: 'restructured'; removed: ReadonlySet<string> };

const inPlace: HandleEdit = { type: 'in-place' };

/** How the outputs of a `kind` node change when its params go from `before` to `after`. */
export function handleEdit(kind: string, before: Params, after: Params): HandleEdit {
  const list = keyedHandleLists[kind];
  if (list !== undefined) {
    const was = routeKeys(before, list);
    const now = routeKeys(after, list);
    if (was.length === now.length && !isReordering(was, now)) return inPlace;
    return restructured(was, now);
  }
  const was = nodeHandles({ kind, params: before });
  const now = nodeHandles({ kind, params: after });
  return sameOrder(was, now) ? inPlace : restructured(was, now);
}

/**
 * The route keys an in-place edit renamed, old to new, position by position. A key two routes shared before
 * names no one route, so it isn't renamed; a route whose new key can't be a handle (emptied while typing)
 * keeps its old one for its edges until it gets one that can.
 */
export function routeRenames(kind: string, before: Params, after: Params): ReadonlyMap<string, string> {
  const renames = new Map<string, string>();
  const list = keyedHandleLists[kind];
  if (list === undefined) return renames;
  const was = routeKeys(before, list);
  const now = routeKeys(after, list);
  if (was.length !== now.length) return renames;
  was.forEach((from, index) => {
    const to = now[index];
    if (from !== undefined && to !== undefined && from !== to && was.indexOf(from) === was.lastIndexOf(from)) {
      renames.set(from, to);
    }
  });
  return renames;
}

function restructured(was: readonly (string | undefined)[], now: readonly (string | undefined)[]): HandleEdit {
  const kept = new Set(now);
  return {
    type: 'restructured',
    removed: new Set(was.filter((key): key is string => key !== undefined && !kept.has(key))),
  };
}

/** Same keys, as many times each, in another order: routes moved up or down. */
function isReordering(was: readonly (string | undefined)[], now: readonly (string | undefined)[]): boolean {
  if (sameOrder(was, now)) return false;
  const counts = new Map<string | undefined, number>();
  for (const key of was) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of now) counts.set(key, (counts.get(key) ?? 0) - 1);
  return [...counts.values()].every((count) => count === 0);
}

function sameOrder<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
