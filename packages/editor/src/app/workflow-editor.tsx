import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { CanvasToolbar } from '../canvas/canvas-toolbar.tsx';
import { EditorError } from '../canvas/editor-error.tsx';
import { WorkflowCanvas } from '../canvas/workflow-canvas.tsx';
import { NodePalette } from '../palette/node-palette.tsx';
import { NodeInspector } from '../inspector/node-inspector.tsx';
import { IssuesPanel } from '../panels/issues-panel.tsx';
import { RunOverlayProvider } from '../run/run-overlay-provider.tsx';
import type { RunOverlayStore } from '../run/run-overlay-store.ts';
import type { EditorStore } from '../store/create-editor-store.ts';
import { EditorStoreProvider } from '../store/editor-store-provider.tsx';
import type { EditorInitial } from '../store/editor-state.ts';
import { useEditorStore } from '../store/use-editor-store.ts';
import './workflow-editor.css';
import '../palette/node-palette.css';
import '../panels/panels.css';

interface WorkflowEditorProps {
  initial?: EditorInitial;
  /** The editor store, when the caller made it (to autosave it, say); else one is made from `initial`. */
  store?: EditorStore;
  /** The run overlay, when the caller made it; else an empty one. */
  runOverlay?: RunOverlayStore;
  /** Above the editor: the workflow page's bar (name, save state, publish, run). */
  header?: ReactNode;
  /** An extra column on the right while it is open (version history, runs). */
  drawer?: ReactNode;
}

/** The editor: palette | toolbar, canvas and issues | inspector (| drawer), around one editor store. */
export function WorkflowEditor({ initial, store, runOverlay, header, drawer }: WorkflowEditorProps) {
  return (
    <EditorStoreProvider initial={initial} store={store}>
      <RunOverlayProvider store={runOverlay}>
        <ReactFlowProvider>
          <div className="workflow-editor-frame">
            {header}
            <EditorColumns drawer={drawer} />
          </div>
        </ReactFlowProvider>
      </RunOverlayProvider>
    </EditorStoreProvider>
  );
}

/** The columns; a read-only editor (a published version on view) has no palette. */
function EditorColumns({ drawer }: { drawer: ReactNode }) {
  const readOnly = useEditorStore((state) => state.readOnly);
  const hasDrawer = drawer !== undefined && drawer !== null && drawer !== false;
  return (
    <div className="workflow-editor" data-read-only={readOnly || undefined} data-drawer={hasDrawer || undefined}>
      {!readOnly && (
        <aside className="editor-palette">
          <NodePalette />
        </aside>
      )}
      <div className="editor-centre">
        <CanvasToolbar />
        <EditorError />
        <div className="editor-canvas">
          <WorkflowCanvas />
        </div>
        <IssuesPanel />
      </div>
      <aside className="editor-inspector" aria-label="Inspector">
        <NodeInspector />
      </aside>
      {hasDrawer && <aside className="editor-drawer ui">{drawer}</aside>}
    </div>
  );
}
