import type { z } from 'zod';
import { caseAddCommentNode } from './case.add-comment.node.ts';
import { caseAddTagsNode } from './case.add-tags.node.ts';
import { caseAddToQueueNode } from './case.add-to-queue.node.ts';
import { caseAssignNode } from './case.assign.node.ts';
import { caseAttachObjectsNode } from './case.attach-objects.node.ts';
import { caseClearSlaNode } from './case.clear-sla.node.ts';
import { caseCreateNode } from './case.create.node.ts';
import { caseFetchNode } from './case.fetch.node.ts';
import { caseRedactNode } from './case.redact.node.ts';
import { caseSetSlaNode } from './case.set-sla.node.ts';
import { caseSetStatusNode } from './case.set-status.node.ts';
import { caseRemoveTagsNode } from './case.remove-tags.node.ts';
import { caseUpdateFieldsNode } from './case.update-fields.node.ts';
import { dataSetVariablesNode } from './data.set-variables.node.ts';
import { endNode } from './end.node.ts';
import { httpRequestNode } from './http.request.node.ts';
import { flowRunWorkflowNode } from './flow.run-workflow.node.ts';
import { logicConditionNode } from './logic.condition.node.ts';
import { logicForEachNode } from './logic.for-each.node.ts';
import { logicJoinNode } from './logic.join.node.ts';
import { logicParallelNode } from './logic.parallel.node.ts';
import type { NodeDefinition } from './node-definition.ts';
import { triggerApiNode } from './trigger.api.node.ts';
import { triggerEventNode } from './trigger.event.node.ts';
import { triggerScheduleNode } from './trigger.schedule.node.ts';
import { waitCaseNode } from './wait.case.node.ts';
import { waitDurationNode } from './wait.duration.node.ts';

/**
 * Every node kind, in palette order: the one list of kinds (docs/architecture.md, "Workflows"). Everything about a
 * kind is in its definition; the compiler, the editor and the runtime's registries are derived from this list.
 * Kind ids are persisted: never rename one.
 */
export const nodeDefinitions = [
  triggerApiNode,
  triggerEventNode,
  triggerScheduleNode,
  caseCreateNode,
  caseUpdateFieldsNode,
  caseAttachObjectsNode,
  caseSetStatusNode,
  caseAssignNode,
  caseSetSlaNode,
  caseClearSlaNode,
  caseAddToQueueNode,
  caseAddCommentNode,
  caseAddTagsNode,
  caseRemoveTagsNode,
  httpRequestNode,
  caseFetchNode,
  caseRedactNode,
  logicConditionNode,
  logicParallelNode,
  logicJoinNode,
  dataSetVariablesNode,
  logicForEachNode,
  waitDurationNode,
  waitCaseNode,
  flowRunWorkflowNode,
  endNode,
] as const;

type Definitions = (typeof nodeDefinitions)[number];
export type NodeKind = Definitions['kind'];
/** Every definition keyed by its stable kind id. */
export type NodeCatalog = { [K in NodeKind]: Extract<Definitions, { kind: K }> };
export type NodeParams<K extends NodeKind> = z.output<NodeCatalog[K]['paramsSchema']>;

export const nodeCatalog = Object.fromEntries(
  nodeDefinitions.map((definition) => [definition.kind, definition]),
) as NodeCatalog;

/** A node whose params passed its kind's schema: a union discriminated on `kind`. */
export type TypedNode = {
  [K in NodeKind]: { id: string; kind: K; version: number; label: string; params: NodeParams<K> };
}[NodeKind];

export const nodeKinds: NodeKind[] = nodeDefinitions.map((definition) => definition.kind);

export const isNodeKind = (kind: string): kind is NodeKind => Object.hasOwn(nodeCatalog, kind);

/** The definition of `kind`, widened so callers can use it without knowing the kind. */
export function nodeDefinition(kind: NodeKind): NodeDefinition<NodeKind, z.ZodType> {
  return nodeCatalog[kind] as unknown as NodeDefinition<NodeKind, z.ZodType>;
}

/** The definition of a node whose params are valid for its kind, its functions taking that node's params. */
export const typedDefinition = (node: TypedNode) =>
  nodeCatalog[node.kind] as unknown as NodeDefinition<NodeKind, z.ZodType<TypedNode['params']>>;

/** The handles of a node whose params are valid for its kind. */
export const handlesOf = (node: TypedNode): string[] => typedDefinition(node).handles(node.params);

/** The template of the case a node creates, when its kind creates one. */
export const createdCaseTemplateOf = (node: TypedNode): string | null =>
  typedDefinition(node).createdCaseTemplate?.(node.params) ?? null;

/** The `case: { node }` reference of a node, if it acts on an existing case (every kind names it `case`). */
export function caseRefOf(node: TypedNode): string | null {
  const ref: unknown = 'case' in node.params ? node.params.case : undefined;
  return typeof ref === 'object' && ref !== null && 'node' in ref && typeof ref.node === 'string' ? ref.node : null;
}
