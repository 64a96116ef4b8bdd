import { useMemo } from 'react';
import { useEditorStore } from '../store/use-editor-store.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';
import { inspectorGraph, type InspectorGraph } from './graph/inspector-graph.ts';

/**
 * The graph as the inspector reasons about it (upstream steps, case references, templates). The compile
 * result serves as its version: the store re-derives it exactly when node data, the node list or edge ends
 * change, not on drags, selection or measuring, so the inspector doesn't re-render while nodes move.
 */
export function useInspectorGraph(): InspectorGraph {
  const store = useEditorStoreApi();
  const version = useEditorStore((state) => state.compiled);
  return useMemo(() => inspectorGraph(store.getState().nodes, store.getState().edges), [version, store]);
}
