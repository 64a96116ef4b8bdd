import type { CatalogSnapshot, CompileIssue, CompileResult, Graph, NodeKind } from '@casework/shared';
import type { OnEdgesChange, OnNodesChange, XYPosition } from '@xyflow/react';
import type { ConnectionRefusal, Link } from '../graph/connection-rules.ts';
import type { Clipboard } from '../graph/copy-paste.ts';
import type { EditorEdge, EditorNode, FlowSnapshot, VariableDeclarations } from '../graph/editor-node.ts';
import type { GraphImport } from '../graph/graph-json.ts';

/** Computes new positions for the nodes (auto-layout); injected so tests and callers can swap it. */
export type LayoutFunction = (
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
) => Promise<Map<string, XYPosition>>;

/** Facts derived from the graph on every change; references stay the same while the facts do. */
export interface DerivedState {
  /** The shared compiler's answer for the current graph and catalog. */
  compiled: CompileResult;
  /** Compile issues by the node they concern; a node's array keeps its identity while its issues don't change. */
  issuesByNode: ReadonlyMap<string, readonly CompileIssue[]>;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
}

export interface EditorData extends DerivedState {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** The workflow's run variables (`vars.<name>`), declared in the inspector when no node is selected. */
  variables: VariableDeclarations;
  /** Undo stack (oldest first) and redo stack (next first) of graph snapshots. */
  past: FlowSnapshot[];
  future: FlowSnapshot[];
  /** Templates and queues the compiler checks references against; empty until the API provides them. */
  catalog: CatalogSnapshot;
  clipboard: Clipboard | null;
  layingOut: boolean;
  /** The last thing that went wrong for the user (an import, a layout), until dismissed. */
  errorMessage: string | null;
  /** A published version on view: the canvas can be looked at, not changed (undoable edits are ignored). */
  readOnly: boolean;
}

export interface AddNodeOptions {
  /** Connect the new node from the first free output of this node, and act on its case. */
  after?: string | undefined;
}

export interface EditorActions {
  onNodesChange: OnNodesChange<EditorNode>;
  onEdgesChange: OnEdgesChange<EditorEdge>;
  /** Adds an edge unless the connection rules refuse it; returns the refusal, or null. */
  connect: (link: Link) => ConnectionRefusal | null;
  /** Adds a node of `kind` with default params at `position`, selects it, and returns its id. */
  addNode: (kind: NodeKind, position: XYPosition, options?: AddNodeOptions) => string;
  /**
   * Replaces a node's params, its edges following its outputs: a renamed route keeps its edges, a removed one
   * takes them along. Consecutive edits of one node are one undo step, except adding, removing or reordering
   * outputs, which is a step of its own.
   */
  updateNodeParams: (id: string, params: Record<string, unknown>) => void;
  updateNodeLabel: (id: string, label: string) => void;
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  deleteSelected: () => void;
  /** Copies the selected nodes and the edges between them; false when nothing is selected. */
  copy: () => boolean;
  /** Pastes the clipboard with fresh ids, offset a little further each time, and selects the copies. */
  paste: () => void;
  undo: () => void;
  redo: () => void;
  /** Auto-layout (elkjs) as one undoable step. */
  layout: () => Promise<void>;
  /** Replaces the graph with one read from JSON (undoable); an invalid file leaves the graph untouched. */
  importGraphJson: (text: string) => GraphImport;
  exportGraphJson: () => string;
  graph: () => Graph;
  setCatalog: (catalog: CatalogSnapshot) => void;
  /** Replaces the run variables (undoable; consecutive edits are one step). */
  setVariables: (variables: VariableDeclarations) => void;
  dismissError: () => void;
}

export type EditorState = EditorData & EditorActions;

export interface EditorInitial {
  graph?: Graph;
  catalog?: CatalogSnapshot;
  layout?: LayoutFunction;
  readOnly?: boolean;
}
