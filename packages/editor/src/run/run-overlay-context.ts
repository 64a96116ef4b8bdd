import { createContext } from 'react';
import type { RunOverlayStore } from './run-overlay-store.ts';

/** The run overlay of the editor around a component; null outside a `RunOverlayProvider`. */
export const RunOverlayContext = createContext<RunOverlayStore | null>(null);
