import type { WorkflowResource } from '@casework/shared';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

export type ListState =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'loaded'; items: WorkflowResource[]; next: string | null; loadingMore: boolean };

/** The active workflows, newest first, a page at a time; edits made here update the list without a refetch. */
export function useWorkflowList() {
  const api = useApi();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.workflows.list(null, controller.signal).then(
      (page) => setState({ status: 'loaded', items: page.items, next: page.next, loadingMore: false }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'loaded' || state.next === null || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await api.workflows.list(state.next);
      setState({ status: 'loaded', items: [...state.items, ...page.items], next: page.next, loadingMore: false });
    } catch (error) {
      setState({ status: 'failed', error: describeError(error) });
    }
  }, [api, state]);

  const update = useCallback((changed: WorkflowResource) => {
    setState((current) => {
      if (current.status !== 'loaded') return current;
      const items =
        changed.attributes.status === 'archived'
          ? current.items.filter((item) => item.id !== changed.id)
          : current.items.map((item) => (item.id === changed.id ? changed : item));
      return { ...current, items };
    });
  }, []);

  return { state, reload: useCallback(() => setAttempt((n) => n + 1), []), loadMore, update };
}
