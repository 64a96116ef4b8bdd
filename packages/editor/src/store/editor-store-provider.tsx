import { useState, type ReactNode } from 'react';
import { createEditorStore } from './create-editor-store.ts';
import { EditorStoreContext } from './editor-store-context.ts';
import type { EditorInitial } from './editor-state.ts';

/** Creates one editor store for its children, from `initial` on first render (later changes are ignored). */
export function EditorStoreProvider({ initial, children }: { initial: EditorInitial; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(initial));
  return <EditorStoreContext value={store}>{children}</EditorStoreContext>;
}
