import type { StoreApi } from 'zustand/vanilla';
import type { FlowSnapshot } from '../graph/editor-node.ts';
import type { createDerivations } from './derived-state.ts';
import type { EditorState } from './editor-state.ts';
import { pushHistory } from './history.ts';

/** Bookkeeping that never renders: where a drag started, which edit later edits merge into, pastes so far. */
export interface Session {
  dragOrigin: FlowSnapshot | null;
  mergeKey: string | null;
  pastes: number;
}

/** What the action groups share: the store's get/set, and the one way to change the graph. */
export interface StoreKit {
  get: () => EditorState;
  set: StoreApi<EditorState>['setState'];
  session: Session;
  snapshot: () => FlowSnapshot;
  /**
   * Sets new nodes, edges and/or variables and re-derives compile results and selection. `record` is the snapshot to
   * push on the undo stack (null: not undoable, like selection); with `merge`, an edit carrying the same
   * key as the previous recorded one joins its undo step (typing into one field is one step).
   */
  commit: (next: Partial<FlowSnapshot>, record: FlowSnapshot | null, merge?: string | null) => void;
  /** Puts a snapshot back (undo/redo) with the stacks that go with it. */
  restore: (target: FlowSnapshot, stacks: Pick<EditorState, 'past' | 'future'>) => void;
}

export function createStoreKit(
  set: StoreKit['set'],
  get: StoreKit['get'],
  derive: ReturnType<typeof createDerivations>,
): StoreKit {
  const session: Session = { dragOrigin: null, mergeKey: null, pastes: 0 };
  const snapshot = (): FlowSnapshot => ({ nodes: get().nodes, edges: get().edges, variables: get().variables });
  return {
    get,
    set,
    session,
    snapshot,
    commit: (next, record, merge = null) => {
      const state = get();
      // Read-only: selection and measuring still apply, edits (everything undoable) don't.
      if (state.readOnly && record !== null) return;
      const nodes = next.nodes ?? state.nodes;
      const edges = next.edges ?? state.edges;
      const variables = next.variables ?? state.variables;
      const merged = merge !== null && merge === session.mergeKey;
      const history = record && !merged ? { past: pushHistory(state.past, record), future: [] } : {};
      if (record) session.mergeKey = merge;
      set({ nodes, edges, variables, ...history, ...derive(nodes, edges, variables, state.catalog) });
    },
    restore: (target, stacks) => {
      session.dragOrigin = null;
      session.mergeKey = null;
      const variables = target.variables ?? get().variables;
      set({ ...target, variables, ...stacks, ...derive(target.nodes, target.edges, variables, get().catalog) });
    },
  };
}
