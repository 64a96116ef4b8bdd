import { useReactFlow } from '@xyflow/react';
import { useRef, type ChangeEvent } from 'react';
import { useEditorStore } from '../store/use-editor-store.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';
import { downloadText } from './download-text.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = isMac ? '⌘' : 'Ctrl+';

/** Undo, redo, auto-layout, JSON import/export and fit view, as labelled buttons. */
export function CanvasToolbar() {
  const editor = useEditorStoreApi();
  const canUndo = useEditorStore((state) => state.past.length > 0);
  const canRedo = useEditorStore((state) => state.future.length > 0);
  const layingOut = useEditorStore((state) => state.layingOut);
  const undo = useEditorStore((state) => state.undo);
  const redo = useEditorStore((state) => state.redo);
  const layout = useEditorStore((state) => state.layout);
  const readOnly = useEditorStore((state) => state.readOnly);
  const { fitView } = useReactFlow();
  const fileInput = useRef<HTMLInputElement>(null);

  const autoLayout = async () => {
    await layout();
    await fitView({ duration: 300, padding: 0.2, maxZoom: 1.25 });
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again should import it again
    if (!file) return;
    if (editor.getState().importGraphJson(await file.text()).ok) await fitView({ padding: 0.2, maxZoom: 1.25 });
  };
  const exportFile = () => downloadText('workflow.json', editor.getState().exportGraphJson());

  if (readOnly) {
    return (
      <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
        <button type="button" onClick={() => void fitView({ duration: 300, padding: 0.2 })}>
          Fit view
        </button>
        <button type="button" onClick={exportFile} title="Download the graph as JSON">
          Export JSON
        </button>
      </div>
    );
  }

  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" onClick={undo} disabled={!canUndo} title={`Undo (${mod}Z)`}>
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`}>
        Redo
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <button
        type="button"
        onClick={() => void autoLayout()}
        disabled={layingOut}
        title="Arrange the nodes left to right"
      >
        {layingOut ? 'Arranging…' : 'Auto-layout'}
      </button>
      <button
        type="button"
        onClick={() => void fitView({ duration: 300, padding: 0.2 })}
        title="Show the whole workflow"
      >
        Fit view
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <button
        type="button"
        onClick={() => fileInput.current?.click()}
        title="Replace the graph with one from a JSON file"
      >
        Import JSON
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Graph JSON file"
        onChange={(event) => void importFile(event)}
      />
      <button type="button" onClick={exportFile} title="Download the graph as JSON">
        Export JSON
      </button>
    </div>
  );
}
