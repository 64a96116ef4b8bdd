import type { CompileIssue } from '@casework/shared';
import { useEditorStore } from '../store/use-editor-store.ts';

const none: readonly CompileIssue[] = [];

/** The compile issues of one node; the node re-renders only when its own issues change. */
export function useNodeIssues(id: string): readonly CompileIssue[] {
  return useEditorStore((state) => state.issuesByNode.get(id) ?? none);
}
