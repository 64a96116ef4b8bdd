import { isNodeKind } from '@casework/shared';
import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { DEFAULT_NODE_SIZE } from '../graph/auto-layout.ts';
import { NODE_KIND_MIME } from '../palette/palette-drag.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';

/** Drop handlers for the canvas: a palette item dropped on it becomes a node centred under the pointer. */
export function usePaletteDrop() {
  const editor = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = {
        x: Math.round(at.x - DEFAULT_NODE_SIZE.width / 2),
        y: Math.round(at.y - DEFAULT_NODE_SIZE.height / 2),
      };
      editor.getState().addNode(kind, position);
    },
    [editor, screenToFlowPosition],
  );

  return { onDragOver, onDrop };
}
