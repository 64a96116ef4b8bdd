import { useContext } from 'react';
import type { EditorStore } from './create-editor-store.ts';
import { EditorStoreContext } from './editor-store-context.ts';

/** The editor store itself, for event handlers that read the state once (`getState()`) without subscribing. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore* must be called inside an <EditorStoreProvider>.');
  return store;
}
