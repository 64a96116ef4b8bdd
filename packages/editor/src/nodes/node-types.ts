import { nodeKinds, type NodeKind } from '@casework/shared';
import type { NodeTypes } from '@xyflow/react';
import { UNKNOWN_NODE_TYPE } from '../graph/editor-node.ts';
import { KindNode } from './kind-node.tsx';
import { UnknownNode } from './unknown-node.tsx';

/**
 * The component of every node type, at module scope so React Flow sees the same object on every render: every kind
 * of the catalog is drawn from its definition by `KindNode`; a kind with a custom look would be listed here.
 */
export const nodeTypes: Record<NodeKind | typeof UNKNOWN_NODE_TYPE, NodeTypes[string]> = {
  ...(Object.fromEntries(nodeKinds.map((kind) => [kind, KindNode])) as Record<NodeKind, typeof KindNode>),
  [UNKNOWN_NODE_TYPE]: UnknownNode,
};
