import { useEditorStore } from '../store/use-editor-store.ts';

/** How many errors the local compile of the graph finds (warnings don't block publishing). */
export function useCompileErrorCount(): number {
  return useEditorStore((state) => state.compiled.issues.filter((found) => found.severity === 'error').length);
}
