import { useEffect } from 'react';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';

/** Keys typed into a form field belong to the field, not to the canvas. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The user is copying text they selected on the page, not nodes. */
const hasTextSelection = () => (window.getSelection()?.toString() ?? '') !== '';

/**
 * The editor's keyboard shortcuts, page-wide except inside form fields: Delete/Backspace removes the selection,
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, Ctrl/Cmd+C and V copy and paste nodes.
 */
export function useEditorShortcuts(): void {
  const editor = useEditorStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || isEditable(event.target)) return;
      const state = editor.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) state.deleteSelected();
      else if (mod && key === 'z') (event.shiftKey ? state.redo : state.undo)();
      else if (event.ctrlKey && !event.shiftKey && key === 'y') state.redo();
      else if (mod && !event.shiftKey && key === 'c') handled = !hasTextSelection() && state.copy();
      else if (mod && !event.shiftKey && key === 'v' && state.clipboard !== null) state.paste();
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}
