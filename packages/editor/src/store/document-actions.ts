import { formatGraphJson, parseGraphJson } from '../graph/graph-json.ts';
import { flowToGraph, graphToFlow } from '../graph/graph-mappers.ts';
import type { EditorActions, LayoutFunction } from './editor-state.ts';
import { positionsDiffer, pushHistory } from './history.ts';
import type { StoreKit } from './store-kit.ts';

type DocumentActions = Pick<
  EditorActions,
  'undo' | 'redo' | 'layout' | 'importGraphJson' | 'exportGraphJson' | 'graph' | 'dismissError'
>;

/** Whole-graph actions: history, auto-layout, JSON in and out. */
export function documentActions(
  { get, set, snapshot, commit, restore }: StoreKit,
  layout: LayoutFunction,
): DocumentActions {
  return {
    undo: () => {
      const { past, future } = get();
      const previous = past.at(-1);
      if (previous) restore(previous, { past: past.slice(0, -1), future: [snapshot(), ...future] });
    },

    redo: () => {
      const { past, future } = get();
      const [next, ...rest] = future;
      if (next) restore(next, { past: pushHistory(past, snapshot()), future: rest });
    },

    layout: async () => {
      if (get().layingOut) return;
      set({ layingOut: true });
      try {
        const positions = await layout(get().nodes, get().edges);
        // The graph may have changed while ELK worked; move the nodes that are still there.
        const before = snapshot();
        const nodes = before.nodes.map((node) => {
          const at = positions.get(node.id);
          return at && (at.x !== node.position.x || at.y !== node.position.y) ? { ...node, position: at } : node;
        });
        if (positionsDiffer(before.nodes, nodes)) commit({ nodes }, before);
      } catch (error) {
        set({ errorMessage: `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        set({ layingOut: false });
      }
    },

    importGraphJson: (text) => {
      const imported = parseGraphJson(text);
      if (!imported.ok) {
        set({ errorMessage: imported.error });
        return imported;
      }
      set({ errorMessage: null });
      commit(graphToFlow(imported.graph), snapshot());
      return imported;
    },

    exportGraphJson: () => formatGraphJson(flowToGraph(get().nodes, get().edges, get().variables)),
    graph: () => flowToGraph(get().nodes, get().edges, get().variables),
    dismissError: () => set({ errorMessage: null }),
  };
}
