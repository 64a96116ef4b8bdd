import { useEditorStore } from '../store/use-editor-store.ts';
import { VariablesSection } from './variables-section.tsx';

/**
 * What the inspector says when it has no single node to show: nothing, or several nodes, are selected. With nothing
 * selected it holds the workflow's own settings: its run variables.
 */
export function InspectorPlaceholder() {
  const count = useEditorStore((state) => state.selectedNodeIds.length);
  return (
    <div className="inspector-placeholder" data-testid="inspector">
      <h2>Inspector</h2>
      {count === 0 ? (
        <>
          <p>Select a node to see its settings.</p>
          <VariablesSection />
        </>
      ) : (
        <p>{count} nodes selected: select one to edit it.</p>
      )}
    </div>
  );
}
