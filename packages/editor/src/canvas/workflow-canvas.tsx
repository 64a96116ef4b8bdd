import '@xyflow/react/dist/style.css';
import './workflow-canvas.css';
import '../nodes/nodes.css';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type FitViewOptions,
} from '@xyflow/react';
import { useCallback } from 'react';
import { isValidConnection } from '../graph/connection-rules.ts';
import type { EditorEdge, EditorNode } from '../graph/editor-node.ts';
import { roleOf } from '../graph/kind-info.ts';
import { nodeTypes } from '../nodes/node-types.ts';
import { useEditorStore } from '../store/use-editor-store.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';
import { CanvasEmptyState } from './canvas-empty-state.tsx';
import { useEditorShortcuts } from './use-editor-shortcuts.ts';
import { useDetailLevel } from './use-detail-level.ts';
import { usePaletteDrop } from './use-palette-drop.ts';

/**
 * Beyond this many nodes the canvas renders only what is in view. Below it, mounting and unmounting the nodes that
 * cross the edge of the view while panning costs more than keeping them all (bench/editor.ts, docs/benchmarks.md).
 */
const VISIBLE_ONLY_ABOVE = 400;

// Module-scope constants: React Flow sees the same objects on every render.
const defaultEdgeOptions: DefaultEdgeOptions = { type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed } };
const fitViewOptions: FitViewOptions = { padding: 0.2, maxZoom: 1.25 };
const multiSelectionKeys = ['Meta', 'Control', 'Shift'];
const roleColours: Record<string, string> = {
  trigger: '#2f5bd3',
  action: '#1f8a4c',
  logic: '#8e44ad',
  wait: '#b26a00',
  end: '#5b6475',
  unknown: '#c0392b',
};
const minimapColour = (node: EditorNode) => roleColours[roleOf(node.data.kind)] ?? '#8a93a3';

/**
 * The workflow canvas: React Flow controlled by the editor store. Drag a box (or Shift+drag) to select,
 * Ctrl/Cmd/Shift+click to add to the selection; keyboard shortcuts come from `useEditorShortcuts`.
 */
export function WorkflowCanvas() {
  const nodes = useEditorStore((state) => state.nodes);
  const edges = useEditorStore((state) => state.edges);
  const onNodesChange = useEditorStore((state) => state.onNodesChange);
  const onEdgesChange = useEditorStore((state) => state.onEdgesChange);
  const connect = useEditorStore((state) => state.connect);
  const readOnly = useEditorStore((state) => state.readOnly);
  const editor = useEditorStoreApi();
  const { onDragOver, onDrop } = usePaletteDrop();
  const detail = useDetailLevel();
  useEditorShortcuts();

  const onConnect = useCallback((connection: Connection) => void connect(connection), [connect]);
  const validConnection = useCallback(
    (link: Connection | EditorEdge) => isValidConnection(link, editor.getState().nodes, editor.getState().edges),
    [editor],
  );

  return (
    <div className="workflow-canvas" data-detail={detail} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={validConnection}
        defaultEdgeOptions={defaultEdgeOptions}
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectionKeys}
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!readOnly}
        edgesReconnectable={!readOnly}
        minZoom={0.1}
        fitView
        fitViewOptions={fitViewOptions}
        aria-label="Workflow canvas"
      >
        <Background />
        <Controls />
        <MiniMap<EditorNode> nodeColor={minimapColour} pannable zoomable ariaLabel="Minimap" />
      </ReactFlow>
      {nodes.length === 0 && !readOnly && <CanvasEmptyState />}
    </div>
  );
}
