import { createContext } from 'react';
import type { EditorStore } from './create-editor-store.ts';

/** The store of the editor around a component; null outside an `EditorStoreProvider`. */
export const EditorStoreContext = createContext<EditorStore | null>(null);
