import type { WorkflowResource } from '@casework/shared';
import { useCallback, useEffect, useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

export type WorkflowLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: string; notFound: boolean }
  /** `generation` grows with every (re)load: the editor is rebuilt from the draft each time. */
  | { status: 'loaded'; workflow: WorkflowResource; generation: number };

/** The workflow with its draft; `reload` fetches it again, `replace` takes one the API just answered with. */
export function useWorkflowLoad(workflowId: string) {
  const api = useApi();
  const [load, setLoad] = useState<WorkflowLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    api.workflows.get(workflowId, controller.signal).then(
      (workflow) => setLoad({ status: 'loaded', workflow, generation: attempt }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const notFound = isApiRequestError(error) && error.status === 404;
        setLoad({ status: 'failed', error: describeError(error), notFound });
      },
    );
    return () => controller.abort();
  }, [api, workflowId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((workflow: WorkflowResource) => {
    setLoad((current) => ({
      status: 'loaded',
      workflow,
      generation: (current.status === 'loaded' ? current.generation : 0) + 1,
    }));
  }, []);
  return { load, reload, replace };
}
