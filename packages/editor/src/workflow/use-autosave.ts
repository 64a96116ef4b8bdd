import type { WorkflowResource } from '@casework/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import type { EditorStore } from '../store/create-editor-store.ts';
import { describeError } from '../ui/describe-error.ts';
import { createAutosave, type Autosave } from './autosave-controller.ts';
import type { AutosaveState } from './autosave-machine.ts';

/**
 * Autosaves the editor's graph as the workflow's draft (`PUT /workflows/{id}/draft` with `meta.base-revision`),
 * ~800 ms after the last change. Only changes to the graph count: selecting or measuring nodes doesn't.
 */
export function useAutosave(
  store: EditorStore,
  workflowId: string,
  revision: number,
  onSaved: (workflow: WorkflowResource) => void,
): { autosave: Autosave; state: AutosaveState } {
  const api = useApi();
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const [autosave] = useState(() =>
    createAutosave(revision, {
      save: async (baseRevision) => {
        const saved = await api.workflows.saveDraft(workflowId, store.getState().graph(), baseRevision);
        onSavedRef.current(saved);
        return saved.attributes['draft-revision'];
      },
      isConflict: (error) => isApiRequestError(error) && error.status === 409,
      describe: describeError,
    }),
  );

  useEffect(() => {
    let last = JSON.stringify(store.getState().graph());
    return store.subscribe((next, previous) => {
      if (next.nodes === previous.nodes && next.edges === previous.edges && next.variables === previous.variables)
        return;
      const json = JSON.stringify(next.graph());
      if (json === last) return;
      last = json;
      autosave.edited();
    });
  }, [store, autosave]);

  useEffect(() => () => autosave.dispose(), [autosave]);

  const state = useSyncExternalStore(autosave.subscribe, autosave.getState);
  const pending = state.status === 'unsaved' || state.status === 'saving' || state.status === 'failed';
  useEffect(() => {
    if (!pending) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);

  return { autosave, state };
}
