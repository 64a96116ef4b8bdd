import { useContext } from 'react';
import { useStore } from 'zustand';
import { RunOverlayContext } from './run-overlay-context.ts';
import type { RunOverlayState, RunOverlayStore } from './run-overlay-store.ts';

export function useRunOverlayStore(): RunOverlayStore {
  const store = useContext(RunOverlayContext);
  if (!store) throw new Error('useRunOverlay* must be called inside a <RunOverlayProvider>.');
  return store;
}

/** One slice of the run overlay; select the smallest thing you need. */
export function useRunOverlay<T>(selector: (state: RunOverlayState) => T): T {
  return useStore(useRunOverlayStore(), selector);
}
