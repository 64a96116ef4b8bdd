import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { XYPosition } from '@xyflow/react';
import type { EditorEdge, EditorNode } from './editor-node.ts';
import { roleOf } from './kind-info.ts';
import { edgeHandle, nodeHandles } from './node-handles.ts';

/** Used for nodes the canvas hasn't measured yet (a graph laid out before it is shown). */
export const DEFAULT_NODE_SIZE = { width: 220, height: 96 } as const;

const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // ELK's crossing minimization alone may put an `else` above its routes; the nodes are handed over in flow
  // order (breadth-first from the trigger, outputs in handle order) and kept in that order within each layer.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
};

const portId = (node: string, handle: string) => `${node}\u0000${handle}`;

/** The ELK graph of the canvas: a port per output handle, in handle order, so routes keep their order. */
export function toElkGraph(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): ElkNode {
  const ports = new Set<string>();
  const children = flowOrder(nodes, edges).map((node): ElkNode => {
    const handles = nodeHandles(node.data);
    handles.forEach((handle) => ports.add(portId(node.id, handle)));
    return {
      id: node.id,
      width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
      layoutOptions: {
        'elk.portConstraints': 'FIXED_ORDER',
        ...(roleOf(node.data.kind) === 'trigger' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
      },
      ports: handles.map((handle, index) => ({
        id: portId(node.id, handle),
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
      })),
    };
  });
  const ids = new Set(nodes.map((node) => node.id));
  const elkEdges = edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
    .map((edge): ElkExtendedEdge => {
      const source = nodes.find((node) => node.id === edge.source);
      const handle = source ? edgeHandle(edge, nodeHandles(source.data)) : undefined;
      const port = handle === undefined ? undefined : portId(edge.source, handle);
      return {
        id: edge.id,
        sources: [port !== undefined && ports.has(port) ? port : edge.source],
        targets: [edge.target],
      };
    });
  return { id: 'root', layoutOptions, children, edges: elkEdges };
}

/**
 * Positions for every node, layered left to right from the trigger (ELK's layered algorithm). Pure: the
 * caller applies them (as one undoable step). ELK is loaded on first use, so it stays out of the main bundle.
 */
export async function layoutPositions(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): Promise<Map<string, XYPosition>> {
  if (nodes.length === 0) return new Map();
  const { default: Elk } = await import('elkjs/lib/elk.bundled.js');
  const laidOut = await new Elk().layout(toElkGraph(nodes, edges));
  return new Map((laidOut.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}

/** Nodes breadth-first from the triggers, each node's successors in the order of its output handles; then the rest. */
export function flowOrder(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): EditorNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const successors = (node: EditorNode) => {
    const handles = nodeHandles(node.data);
    const rank = (edge: EditorEdge) => {
      const at = handles.indexOf(edgeHandle(edge, handles) ?? '');
      return at === -1 ? handles.length : at;
    };
    return edges
      .filter((edge) => edge.source === node.id)
      .sort((a, b) => rank(a) - rank(b))
      .map((edge) => edge.target);
  };
  const order = nodes.filter((node) => roleOf(node.data.kind) === 'trigger');
  const seen = new Set(order.map((node) => node.id));
  for (let index = 0; index < order.length; index++) {
    for (const id of successors(order[index] as EditorNode)) {
      const next = byId.get(id);
      if (next && !seen.has(id)) {
        seen.add(id);
        order.push(next);
      }
    }
  }
  return [...order, ...nodes.filter((node) => !seen.has(node.id))];
}
