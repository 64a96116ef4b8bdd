import type { XYPosition } from '@xyflow/react';
import { DEFAULT_NODE_SIZE } from './auto-layout.ts';
import type { EditorNode } from './editor-node.ts';

const CLOSE = 24;
const STEP = DEFAULT_NODE_SIZE.height + 24;

/** `wanted`, or the first spot below it that no node already sits on (so added nodes don't stack up). */
export function freeSpot(wanted: XYPosition, nodes: readonly EditorNode[]): XYPosition {
  let at = wanted;
  for (let tries = 0; tries < 50; tries++) {
    const y = at.y;
    const taken = nodes.some(
      (node) => Math.abs(node.position.x - at.x) < CLOSE && Math.abs(node.position.y - y) < STEP - 1,
    );
    if (!taken) return at;
    at = { x: at.x, y: at.y + STEP };
  }
  return at;
}
