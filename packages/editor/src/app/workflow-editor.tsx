import { ReactFlowProvider } from '@xyflow/react';
import { CanvasToolbar } from '../canvas/canvas-toolbar.tsx';
import { EditorError } from '../canvas/editor-error.tsx';
import { WorkflowCanvas } from '../canvas/workflow-canvas.tsx';
import { NodePalette } from '../palette/node-palette.tsx';
import { InspectorPlaceholder } from '../panels/inspector-placeholder.tsx';
import { IssuesPanel } from '../panels/issues-panel.tsx';
import { EditorStoreProvider } from '../store/editor-store-provider.tsx';
import type { EditorInitial } from '../store/editor-state.ts';
import './workflow-editor.css';
import '../palette/node-palette.css';
import '../panels/panels.css';

/** The editor: palette | toolbar, canvas and issues | inspector, around one editor store. */
export function WorkflowEditor({ initial }: { initial: EditorInitial }) {
  return (
    <EditorStoreProvider initial={initial}>
      <ReactFlowProvider>
        <div className="workflow-editor">
          <aside className="editor-palette">
            <NodePalette />
          </aside>
          <div className="editor-centre">
            <CanvasToolbar />
            <EditorError />
            <div className="editor-canvas">
              <WorkflowCanvas />
            </div>
            <IssuesPanel />
          </div>
          <aside className="editor-inspector" aria-label="Inspector">
            <InspectorPlaceholder />
          </aside>
        </div>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
