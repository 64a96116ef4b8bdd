import type { WorkflowRunResource } from '@casework/shared';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

const PAGE_SIZE = 20;

export type RunList =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'loaded'; runs: WorkflowRunResource[]; next: string | null };

/** A workflow's recent runs, newest first; `refreshKey` changing (a run started or ended) fetches them again. */
export function useRunList(workflowId: string, refreshKey: string) {
  const api = useApi();
  const [list, setList] = useState<RunList>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.runs.list(workflowId, PAGE_SIZE, null, controller.signal).then(
      (page) => setList({ status: 'loaded', runs: page.items, next: page.next }),
      (error: unknown) => {
        if (!isAbort(error)) setList({ status: 'failed', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [api, workflowId, refreshKey, attempt]);

  const loadMore = useCallback(async () => {
    if (list.status !== 'loaded' || list.next === null) return;
    try {
      const page = await api.runs.list(workflowId, PAGE_SIZE, list.next);
      setList({ status: 'loaded', runs: [...list.runs, ...page.items], next: page.next });
    } catch (error) {
      setList({ status: 'failed', error: describeError(error) });
    }
  }, [api, workflowId, list]);

  return { list, refresh: useCallback(() => setAttempt((n) => n + 1), []), loadMore };
}
