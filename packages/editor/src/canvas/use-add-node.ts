import { isNodeKind, type NodeKind } from '@casework/shared';
import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { DEFAULT_NODE_SIZE } from '../graph/auto-layout.ts';
import { freeSpot } from '../graph/free-spot.ts';
import { roleOf } from '../graph/kind-info.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';

const GAP = 80;

/**
 * Click-to-add: with one node selected, the new node goes to its right, connected from its first free
 * output; otherwise it lands at the centre of the visible canvas. Either way on a free spot, and selected.
 */
export function useAddNode(): (kind: NodeKind) => void {
  const editor = useEditorStoreApi();
  const flow = useStoreApi();
  return useCallback(
    (kind: NodeKind) => {
      if (!isNodeKind(kind)) return;
      const { nodes, selectedNodeIds, addNode } = editor.getState();
      const anchor = selectedNodeIds.length === 1 ? nodes.find((node) => node.id === selectedNodeIds[0]) : undefined;
      if (anchor && roleOf(kind) !== 'trigger') {
        const width = anchor.measured?.width ?? DEFAULT_NODE_SIZE.width;
        const wanted = { x: anchor.position.x + width + GAP, y: anchor.position.y };
        addNode(kind, freeSpot(wanted, nodes), { after: anchor.id });
        return;
      }
      const { width, height, transform } = flow.getState();
      const [x, y, zoom] = transform;
      const centre = {
        x: Math.round((width / 2 - x) / zoom - DEFAULT_NODE_SIZE.width / 2),
        y: Math.round((height / 2 - y) / zoom - DEFAULT_NODE_SIZE.height / 2),
      };
      addNode(kind, freeSpot(centre, nodes));
    },
    [editor, flow],
  );
}
