import { connectionRefusal } from '../graph/connection-rules.ts';
import { copySelection, PASTE_OFFSET, pasteClipboard } from '../graph/copy-paste.ts';
import type { EditorNode } from '../graph/editor-node.ts';
import { freshEdgeId } from '../graph/fresh-ids.ts';
import { editParams } from '../graph/params-edit.ts';
import type { EditorActions } from './editor-state.ts';
import { createNode, firstFreeHandle, withSelection } from './node-factory.ts';
import type { StoreKit } from './store-kit.ts';

type NodeActions = Pick<EditorActions, 'addNode' | 'updateNodeParams' | 'updateNodeLabel' | 'copy' | 'paste'>;

/** Adding, editing, copying and pasting nodes. */
export function nodeActions({ get, set, session, snapshot, commit }: StoreKit): NodeActions {
  const updateData = (id: string, change: Partial<EditorNode['data']>, merge: string) => {
    const nodes = get().nodes.map((node) =>
      node.id === id ? ({ ...node, data: { ...node.data, ...change } } as EditorNode) : node,
    );
    commit({ nodes }, snapshot(), merge);
  };

  return {
    addNode: (kind, position, options = {}) => {
      const { nodes, edges } = get();
      const { after } = options;
      const node = createNode(kind, position, nodes, edges, after);
      const next = { nodes: [...withSelection(nodes, new Set()), node], edges: withSelection(edges, new Set()) };
      const handle = after === undefined ? undefined : firstFreeHandle(after, nodes, edges);
      if (after !== undefined && handle !== undefined) {
        const link = { source: after, sourceHandle: handle, target: node.id };
        if (connectionRefusal(link, next.nodes, edges) === null) {
          const id = freshEdgeId(after, handle, new Set(edges.map((edge) => edge.id)));
          next.edges = [...next.edges, { id, ...link }];
        }
      }
      commit(next, snapshot());
      return node.id;
    },

    updateNodeParams: (id, params) => {
      const merge = `params:${id}`;
      const before = snapshot();
      // Typing into this node's form again: remap from where the undo step began (see editParams).
      const stepStart = session.mergeKey === merge ? (get().past.at(-1) ?? before) : before;
      const edit = editParams(before, stepStart, id, params);
      commit(edit.graph, before, edit.restructured ? null : merge);
    },
    updateNodeLabel: (id, label) => updateData(id, { label }, `label:${id}`),

    copy: () => {
      const clipboard = copySelection(get().nodes, get().edges);
      if (clipboard === null) return false;
      session.pastes = 0;
      set({ clipboard });
      return true;
    },

    paste: () => {
      const { clipboard, nodes, edges } = get();
      if (clipboard === null) return;
      session.pastes += 1;
      const offset = { x: PASTE_OFFSET * session.pastes, y: PASTE_OFFSET * session.pastes };
      const pasted = pasteClipboard(clipboard, { nodes, edges }, offset);
      const next = {
        nodes: [...withSelection(nodes, new Set()), ...pasted.nodes],
        edges: [...withSelection(edges, new Set()), ...pasted.edges],
      };
      commit(next, snapshot());
    },
  };
}
