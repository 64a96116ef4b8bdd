import { useCallback, useEffect, useState } from 'react';
import { fetchCatalog } from '../api/catalog-api.ts';
import { useApi } from '../session/use-api.ts';
import { usePermissions } from '../session/use-permissions.ts';
import type { EditorStore } from '../store/create-editor-store.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

/**
 * Gives the editor's compiler the API's case templates, queues and workflows (`setCatalog`), and fetches them again when
 * the page becomes visible (a template created in another tab meanwhile). Returns the last failure, if any.
 */
export function useCatalogSync(store: EditorStore, workflowId?: string): { error: string | null; retry: () => void } {
  const api = useApi();
  // Secrets are listed by the roles that design workflows (admin, designer); others would only get a 403.
  const { design } = usePermissions();
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      fetchCatalog(api.client, controller.signal, workflowId, design).then(
        (catalog) => {
          setError(null);
          store.getState().setCatalog(catalog);
        },
        (failure: unknown) => {
          if (!isAbort(failure)) setError(describeError(failure));
        },
      );
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      controller.abort();
    };
  }, [api, store, attempt, workflowId, design]);

  return { error, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}
