import type { FlowSnapshot } from '../graph/editor-node.ts';

export const HISTORY_LIMIT = 100;

/** The undo stack with `snapshot` on top, dropping the oldest entries beyond the limit. */
export function pushHistory(past: readonly FlowSnapshot[], snapshot: FlowSnapshot): FlowSnapshot[] {
  const next = [...past, snapshot];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

/** Whether any node present in both snapshots sits somewhere else. */
export function positionsDiffer(before: FlowSnapshot['nodes'], after: FlowSnapshot['nodes']): boolean {
  const positions = new Map(before.map((node) => [node.id, node.position]));
  return after.some((node) => {
    const was = positions.get(node.id);
    return was !== undefined && (was.x !== node.position.x || was.y !== node.position.y);
  });
}
