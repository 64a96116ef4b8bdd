import { useEditorStore } from '../store/use-editor-store.ts';

/**
 * Where the node inspector goes (issue 5, item 3): it will edit the selected node through the store's
 * `updateNodeParams(id, params)` and `updateNodeLabel(id, label)`. Until then it says what is selected.
 */
export function InspectorPlaceholder() {
  const selected = useEditorStore((state) => state.selectedNodeIds);
  return (
    <div className="inspector-placeholder" data-testid="inspector">
      <h2>Inspector</h2>
      {selected.length === 0 && <p>Select a node to see its settings.</p>}
      {selected.length === 1 && <p>Selected: {selected[0]}</p>}
      {selected.length > 1 && <p>{selected.length} nodes selected.</p>}
    </div>
  );
}
