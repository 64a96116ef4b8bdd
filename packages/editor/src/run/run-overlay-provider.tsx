import { useState, type ReactNode } from 'react';
import { RunOverlayContext } from './run-overlay-context.ts';
import { createRunOverlayStore, type RunOverlayStore } from './run-overlay-store.ts';

/** Provides a run overlay store: `store` when the caller made one, else a new one. */
export function RunOverlayProvider({ store: given, children }: { store?: RunOverlayStore; children: ReactNode }) {
  const [store] = useState(() => given ?? createRunOverlayStore());
  return <RunOverlayContext value={store}>{children}</RunOverlayContext>;
}
