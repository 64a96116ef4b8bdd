import { InspectorPlaceholder } from '../panels/inspector-placeholder.tsx';
import { useEditorStore } from '../store/use-editor-store.ts';
import { NodeInspectorPanel } from './node-inspector-panel.tsx';
import './inspector.css';

/** The right-hand panel: the selected node's settings, or what to do when not exactly one node is selected. */
export function NodeInspector() {
  const selected = useEditorStore((state) => state.selectedNodeIds);
  const [only] = selected;
  if (selected.length !== 1 || only === undefined) return <InspectorPlaceholder />;
  // Keyed by node: local drafts (a half-typed number, a key being renamed) belong to the node they were typed in.
  return <NodeInspectorPanel key={only} id={only} />;
}
