import { isNodeKind, nodeDefinition, nodeKinds, type NodeKind, type NodeRole } from '@casework/shared';

export interface KindInfo {
  /** What the palette and the node header call the kind. */
  title: string;
  /** One line for the palette's tooltip. */
  description: string;
  /** The start of fresh node ids (`create-case`, `create-case-2`, …). */
  idBase: string;
}

const unknownInfo = (kind: string): KindInfo => ({
  title: kind,
  description: 'A node kind this editor does not know',
  idBase: 'node',
});

/** How the editor presents a kind: from its definition (packages/shared/src/nodes/). */
export function infoOf(kind: string): KindInfo {
  if (!isNodeKind(kind)) return unknownInfo(kind);
  const { title, description, idBase } = nodeDefinition(kind);
  return { title, description, idBase };
}

export function roleOf(kind: string): NodeRole | 'unknown' {
  return isNodeKind(kind) ? nodeDefinition(kind).role : 'unknown';
}

export const roleTitles: Record<NodeRole, string> = {
  trigger: 'Triggers',
  action: 'Cases',
  logic: 'Logic',
  wait: 'Waits',
  end: 'End',
};

const roleOrder: NodeRole[] = ['trigger', 'action', 'logic', 'wait', 'end'];

/** Every kind, grouped by role in palette order. */
export const kindsByRole: { role: NodeRole; kinds: NodeKind[] }[] = roleOrder.map((role) => ({
  role,
  kinds: nodeKinds.filter((kind) => nodeDefinition(kind).role === role),
}));
