import type { WorkflowRunResource } from '@casework/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { isAbort } from '../ui/describe-error.ts';

export type LastRun =
  { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; run: WorkflowRunResource | null };

/** A workflow's most recent run (`GET /workflow-runs?filter[workflow-id]=…&page[size]=1`), or null if none. */
export function useLastRun(workflowId: string): LastRun {
  const api = useApi();
  const [lastRun, setLastRun] = useState<LastRun>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    api.runs.list(workflowId, 1, null, controller.signal).then(
      (page) => setLastRun({ status: 'loaded', run: page.items[0] ?? null }),
      (error: unknown) => {
        if (!isAbort(error)) setLastRun({ status: 'failed' });
      },
    );
    return () => controller.abort();
  }, [api, workflowId]);
  return lastRun;
}
