import { useState, type ReactNode } from 'react';
import { createEditorStore, type EditorStore } from './create-editor-store.ts';
import { EditorStoreContext } from './editor-store-context.ts';
import type { EditorInitial } from './editor-state.ts';

interface EditorStoreProviderProps {
  initial?: EditorInitial;
  /** A store made by the caller (who also reads it, e.g. to autosave); else one is made from `initial`. */
  store?: EditorStore;
  children: ReactNode;
}

/** Provides one editor store to its children: `store`, or one created from `initial` on first render. */
export function EditorStoreProvider({ initial, store: given, children }: EditorStoreProviderProps) {
  const [store] = useState(() => given ?? createEditorStore(initial));
  return <EditorStoreContext value={store}>{children}</EditorStoreContext>;
}
