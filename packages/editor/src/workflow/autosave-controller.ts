import {
  autosaveReducer,
  canSave,
  initialAutosaveState,
  type AutosaveEvent,
  type AutosaveState,
} from './autosave-machine.ts';

export const AUTOSAVE_DELAY_MS = 800;

export interface AutosaveDeps {
  /** Saves the current graph on top of `baseRevision`; resolves to the new draft revision. */
  save: (baseRevision: number) => Promise<number>;
  /** Whether a failed save means someone else saved first (HTTP 409): then we stop and ask for a reload. */
  isConflict: (error: unknown) => boolean;
  describe: (error: unknown) => string;
  delayMs?: number;
}

export interface Autosave {
  getState: () => AutosaveState;
  subscribe: (listener: () => void) => () => void;
  /** The graph changed: save it once the edits pause. */
  edited: () => void;
  /** Saves now whatever is unsaved (waiting for a save in flight); true once the API holds the current graph. */
  flush: () => Promise<boolean>;
  /** Sends a pending save at once rather than losing it (the page is going away). */
  dispose: () => void;
}

/** Drives the autosave machine: debounces edits, runs one save at a time, saves again if edited meanwhile. */
export function createAutosave(revision: number, deps: AutosaveDeps): Autosave {
  const delayMs = deps.delayMs ?? AUTOSAVE_DELAY_MS;
  let state = initialAutosaveState(revision);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  const dispatch = (event: AutosaveEvent) => {
    const next = autosaveReducer(state, event);
    if (next === state) return;
    const reschedule = next.edits !== state.edits || next.status !== state.status;
    state = next;
    if (reschedule) schedule();
    for (const listener of listeners) listener();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (state.status === 'unsaved') timer = setTimeout(() => void saveNow(), delayMs);
  };

  const saveNow = (): Promise<void> => {
    if (inflight) return inflight;
    if (!canSave(state)) return Promise.resolve();
    clearTimeout(timer);
    dispatch({ type: 'save-started' });
    inflight = (async () => {
      try {
        dispatch({ type: 'save-succeeded', revision: await deps.save(state.revision) });
      } catch (error) {
        const message = deps.describe(error);
        dispatch(
          deps.isConflict(error)
            ? { type: 'save-conflicted', error: message }
            : { type: 'save-failed', error: message },
        );
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edited: () => dispatch({ type: 'edited' }),
    flush: async () => {
      for (;;) {
        if (inflight) await inflight;
        else if (state.status === 'unsaved' || state.status === 'failed') {
          await saveNow();
          if (state.status === 'failed') return false;
        } else return state.status === 'saved';
      }
    },
    dispose: () => {
      clearTimeout(timer);
      if (state.status === 'unsaved') void saveNow();
    },
  };
}
