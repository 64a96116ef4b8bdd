import type { CatalogSnapshot } from '@casework/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { layoutPositions } from '../graph/auto-layout.ts';
import { graphToFlow } from '../graph/graph-mappers.ts';
import { canvasActions } from './canvas-actions.ts';
import { createDerivations } from './derived-state.ts';
import { documentActions } from './document-actions.ts';
import type { EditorInitial, EditorState } from './editor-state.ts';
import { nodeActions } from './node-actions.ts';
import { createStoreKit } from './store-kit.ts';

export type EditorStore = StoreApi<EditorState>;

const emptyCatalog: CatalogSnapshot = { templates: [], queues: [] };

/**
 * The editor's state and actions: the canvas's nodes and edges (React Flow shapes), undo/redo of graph
 * snapshots, the clipboard, and the compile result derived on every change. One store per editor instance.
 */
export function createEditorStore(initial: EditorInitial = {}): EditorStore {
  const derive = createDerivations();
  return createStore<EditorState>()((set, get) => {
    const kit = createStoreKit(set, get, derive);
    const start = graphToFlow(initial.graph ?? { nodes: [], edges: [] });
    const catalog = initial.catalog ?? emptyCatalog;
    return {
      ...start,
      variables: start.variables ?? [],
      ...derive(start.nodes, start.edges, start.variables ?? [], catalog),
      past: [],
      future: [],
      catalog,
      clipboard: null,
      layingOut: false,
      errorMessage: null,
      readOnly: initial.readOnly ?? false,
      ...canvasActions(kit),
      ...nodeActions(kit),
      ...documentActions(kit, initial.layout ?? layoutPositions),
      setCatalog: (next) => set({ catalog: next, ...derive(get().nodes, get().edges, get().variables, next) }),
      setVariables: (variables) => kit.commit({ variables }, kit.snapshot(), 'variables'),
    };
  });
}
