import type { WorkflowVersionResource } from '@casework/shared';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

export type VersionList =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'loaded'; versions: WorkflowVersionResource[]; next: string | null };

/** A workflow's published versions, newest first; `refreshKey` changing (a new live version) refetches. */
export function useVersionList(workflowId: string, refreshKey: string | null) {
  const api = useApi();
  const [list, setList] = useState<VersionList>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api.workflows.versions(workflowId, null, controller.signal).then(
      (page) => setList({ status: 'loaded', versions: page.items, next: page.next }),
      (error: unknown) => {
        if (!isAbort(error)) setList({ status: 'failed', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [api, workflowId, refreshKey]);

  const loadMore = useCallback(async () => {
    if (list.status !== 'loaded' || list.next === null) return;
    try {
      const page = await api.workflows.versions(workflowId, list.next);
      setList({ status: 'loaded', versions: [...list.versions, ...page.items], next: page.next });
    } catch (error) {
      setList({ status: 'failed', error: describeError(error) });
    }
  }, [api, workflowId, list]);

  return { list, loadMore };
}
