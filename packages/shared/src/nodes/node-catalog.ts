import type { z } from 'zod';
import { caseAddCommentNode } from './case.add-comment.node.ts';
import { caseAddTagsNode } from './case.add-tags.node.ts';
import { caseAddToQueueNode } from './case.add-to-queue.node.ts';
import { caseAssignNode } from './case.assign.node.ts';
import { caseAttachObjectsNode } from './case.attach-objects.node.ts';
import { caseClearSlaNode } from './case.clear-sla.node.ts';
import { caseCreateNode } from './case.create.node.ts';
import { caseSetSlaNode } from './case.set-sla.node.ts';
import { caseSetStatusNode } from './case.set-status.node.ts';
import { caseUpdateFieldsNode } from './case.update-fields.node.ts';
import { endNode } from './end.node.ts';
import { logicConditionNode } from './logic.condition.node.ts';
import type { NodeDefinition } from './node-definition.ts';
import { triggerApiNode } from './trigger.api.node.ts';
import { triggerEventNode } from './trigger.event.node.ts';
import { waitCaseNode } from './wait.case.node.ts';
import { waitDurationNode } from './wait.duration.node.ts';

/** Every node kind, keyed by its stable kind id (docs/architecture.md, "Workflows"). Kind ids are persisted: never rename one. */
export const nodeCatalog = {
  [triggerApiNode.kind]: triggerApiNode,
  [triggerEventNode.kind]: triggerEventNode,
  [caseCreateNode.kind]: caseCreateNode,
  [caseUpdateFieldsNode.kind]: caseUpdateFieldsNode,
  [caseAttachObjectsNode.kind]: caseAttachObjectsNode,
  [caseSetStatusNode.kind]: caseSetStatusNode,
  [caseAssignNode.kind]: caseAssignNode,
  [caseSetSlaNode.kind]: caseSetSlaNode,
  [caseClearSlaNode.kind]: caseClearSlaNode,
  [caseAddToQueueNode.kind]: caseAddToQueueNode,
  [caseAddCommentNode.kind]: caseAddCommentNode,
  [caseAddTagsNode.kind]: caseAddTagsNode,
  [logicConditionNode.kind]: logicConditionNode,
  [waitDurationNode.kind]: waitDurationNode,
  [waitCaseNode.kind]: waitCaseNode,
  [endNode.kind]: endNode,
} as const;

export type NodeCatalog = typeof nodeCatalog;
export type NodeKind = keyof NodeCatalog;
export type NodeParams<K extends NodeKind> = z.output<NodeCatalog[K]['paramsSchema']>;

/** A node whose params passed its kind's schema: a union discriminated on `kind`. */
export type TypedNode = {
  [K in NodeKind]: { id: string; kind: K; version: number; label: string; params: NodeParams<K> };
}[NodeKind];

export const nodeKinds = Object.keys(nodeCatalog) as NodeKind[];

export const isNodeKind = (kind: string): kind is NodeKind => Object.hasOwn(nodeCatalog, kind);

/** The definition of `kind`, widened so callers can validate params without knowing the kind. */
export function nodeDefinition(kind: NodeKind): Omit<NodeDefinition<NodeKind, z.ZodType>, 'handles'> {
  return nodeCatalog[kind];
}

/** The handles of a node whose params are valid for its kind. */
export const handlesOf = (node: TypedNode): string[] =>
  (nodeCatalog[node.kind].handles as (params: TypedNode['params']) => string[])(node.params);
