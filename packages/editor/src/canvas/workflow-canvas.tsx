import '@xyflow/react/dist/style.css';
import './workflow-canvas.css';
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { CanvasEmptyState } from './canvas-empty-state.tsx';

// Module-scope constants keep React Flow from seeing new arrays on every render.
const noNodes: never[] = [];
const noEdges: never[] = [];

/** The canvas the workflow editor will draw on; empty in this build. */
export function WorkflowCanvas({ systemReady }: { systemReady: boolean }) {
  return (
    <div className="workflow-canvas">
      <ReactFlow nodes={noNodes} edges={noEdges} aria-label="Workflow canvas">
        <Background />
        <Controls />
        <MiniMap />
      </ReactFlow>
      <CanvasEmptyState systemReady={systemReady} />
    </div>
  );
}
