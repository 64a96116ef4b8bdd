import type { Edge, Node } from '@xyflow/react';
import type { Graph, NodeKind } from '@casework/shared';

/**
 * What a canvas node carries: the graph node minus its id and position (React Flow keeps those). Params stay
 * untyped here because a draft may hold anything; `compile` validates them against the kind's schema.
 */
export interface EditorNodeData<K extends string = string> extends Record<string, unknown> {
  kind: K;
  version: number;
  /** Empty when the graph node has no label. */
  label: string;
  params: Record<string, unknown>;
}

/** The React Flow node type of a node whose kind the catalog knows; its `type` is the kind id. */
export type KindNode<K extends NodeKind> = Node<EditorNodeData<K>, K>;

/** Kinds this build doesn't know (an imported graph from a newer version) render as this type. */
export const UNKNOWN_NODE_TYPE = 'unknown';
export type UnknownKindNode = Node<EditorNodeData, typeof UNKNOWN_NODE_TYPE>;

/** Every canvas node: a union discriminated on `type`. */
export type EditorNode = { [K in NodeKind]: KindNode<K> }[NodeKind] | UnknownKindNode;

export type EditorEdge = Edge;

/** The workflow's run variables (`vars.<name>`), as the graph declares them. */
export type VariableDeclarations = NonNullable<Graph['variables']>;

/** The graph part of the editor's state: what undo/redo restores (a copied selection has no variables). */
export interface FlowSnapshot {
  nodes: EditorNode[];
  edges: EditorEdge[];
  variables?: VariableDeclarations;
}
