import { useEditorStore } from '../store/use-editor-store.ts';

/** The last thing that went wrong (an import that was refused, a failed layout), until dismissed. */
export function EditorError() {
  const message = useEditorStore((state) => state.errorMessage);
  const dismiss = useEditorStore((state) => state.dismissError);
  if (message === null) return null;
  return (
    <div className="editor-error" role="alert">
      <span>{message}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss the message">
        ×
      </button>
    </div>
  );
}
