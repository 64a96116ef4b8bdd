/**
 * The draft's autosave as a pure state machine: the editor says when the graph changed and how each save went;
 * the machine says what to show and whether to save. Timers and requests live in `createAutosave`.
 *
 *   saved ──edited──▶ unsaved ──save-started──▶ saving ──save-succeeded──▶ saved (or unsaved if edited meanwhile)
 *                        ▲                         ├──save-failed──▶ failed ──edited / save-started──▶ …
 *                        └──────── edited ─────────┘──save-conflicted──▶ conflict (final: reload the draft)
 */
export type AutosaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface AutosaveState {
  status: AutosaveStatus;
  /** The draft revision the API holds from our last save: the next save's `meta.base-revision`. */
  revision: number;
  /** Counts edits, so each one restarts the debounce. */
  edits: number;
  /** The graph changed while a save was in flight: save again once it lands. */
  editedDuringSave: boolean;
  /** Why the last save failed (failed, conflict). */
  error: string | null;
}

export type AutosaveEvent =
  | { type: 'edited' }
  | { type: 'save-started' }
  | { type: 'save-succeeded'; revision: number }
  | { type: 'save-failed'; error: string }
  | { type: 'save-conflicted'; error: string };

export function initialAutosaveState(revision: number): AutosaveState {
  return { status: 'saved', revision, edits: 0, editedDuringSave: false, error: null };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  if (state.status === 'conflict') return state; // nothing more is saved until the draft is reloaded
  switch (event.type) {
    case 'edited':
      return state.status === 'saving'
        ? { ...state, edits: state.edits + 1, editedDuringSave: true }
        : { ...state, status: 'unsaved', edits: state.edits + 1, error: null };
    case 'save-started':
      return canSave(state) ? { ...state, status: 'saving', editedDuringSave: false } : state;
    case 'save-succeeded':
      if (state.status !== 'saving') return state;
      return { ...state, status: state.editedDuringSave ? 'unsaved' : 'saved', revision: event.revision, error: null };
    case 'save-failed':
      return state.status === 'saving' ? { ...state, status: 'failed', error: event.error } : state;
    case 'save-conflicted':
      return { ...state, status: 'conflict', error: event.error };
  }
}

/** Whether there is something to save and nothing in the way: unsaved edits, or a failed save to retry. */
export const canSave = (state: AutosaveState) => state.status === 'unsaved' || state.status === 'failed';

export const autosaveLabels: Record<AutosaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Save failed',
  conflict: 'Changed elsewhere — reload',
};
