import type { WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { useEffect, useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

export type VersionLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: string; notFound: boolean }
  | { status: 'loaded'; workflow: WorkflowResource; version: WorkflowVersionResource };

/** A published version and its workflow (for the name, the live version and the draft revision). */
export function useVersionLoad(workflowId: string, versionId: string): VersionLoad {
  const api = useApi();
  const [load, setLoad] = useState<VersionLoad>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    Promise.all([api.workflows.get(workflowId, controller.signal), api.workflows.version(versionId, controller.signal)])
      .then(([workflow, version]) => {
        if (version.attributes['workflow-id'] !== workflow.id) {
          setLoad({ status: 'failed', error: 'This version belongs to another workflow.', notFound: true });
        } else setLoad({ status: 'loaded', workflow, version });
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const notFound = isApiRequestError(error) && error.status === 404;
        setLoad({ status: 'failed', error: describeError(error), notFound });
      });
    return () => controller.abort();
  }, [api, workflowId, versionId]);
  return load;
}
