import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';

const FOCUS = { duration: 300, maxZoom: 1.25, padding: 0.6 } as const;

/** Selects a node and brings it to the middle of the canvas (an issue's "show me"). */
export function useFocusNode(): (id: string) => void {
  const editor = useEditorStoreApi();
  const { fitView } = useReactFlow();
  return useCallback(
    (id: string) => {
      if (!editor.getState().nodes.some((node) => node.id === id)) return;
      editor.getState().select([id]);
      void fitView({ nodes: [{ id }], ...FOCUS });
    },
    [editor, fitView],
  );
}
