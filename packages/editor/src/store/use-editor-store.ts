import { useStore } from 'zustand';
import type { EditorState } from './editor-state.ts';
import { useEditorStoreApi } from './use-editor-store-api.ts';

/**
 * Subscribes to one slice of the editor state; the component re-renders only when that slice changes.
 * Select the smallest thing you need (never the whole state): `useEditorStore((s) => s.undo)`.
 */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
