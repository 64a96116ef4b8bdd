import { isFinalRunStatus, type WorkflowRunResource } from '@casework/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { stepOverlays, type StepOverlay } from './step-overlay.ts';

export interface RunOverlayState {
  /** The run shown on the canvas, as last fetched; null when no run is overlaid. */
  run: WorkflowRunResource | null;
  /** Its steps by node id, for the node views. */
  steps: ReadonlyMap<string, StepOverlay>;
  /** Whether the run is still going, so its page keeps polling it. */
  following: boolean;
  /** The last failure to fetch the followed run, until the next success. */
  error: string | null;
  /** Shows `run` (a newer fetch of the same run keeps unchanged steps' objects). */
  show: (run: WorkflowRunResource) => void;
  setError: (error: string | null) => void;
  clear: () => void;
}

export type RunOverlayStore = StoreApi<RunOverlayState>;

const noSteps: ReadonlyMap<string, StepOverlay> = new Map();

/** The run overlaid on the canvas, kept apart from the editor's graph state: it changes every poll. */
export function createRunOverlayStore(): RunOverlayStore {
  return createStore<RunOverlayState>()((set, get) => ({
    run: null,
    steps: noSteps,
    following: false,
    error: null,
    show: (run) => {
      const previous = get().run?.id === run.id ? get().steps : undefined;
      set({
        run,
        steps: stepOverlays(run, previous),
        following: !isFinalRunStatus(run.attributes.status),
        error: null,
      });
    },
    setError: (error) => set({ error }),
    clear: () => set({ run: null, steps: noSteps, following: false, error: null }),
  }));
}
