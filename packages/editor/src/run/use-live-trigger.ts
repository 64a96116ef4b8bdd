import { useEffect, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';
import { triggerSpec, type TriggerSpec } from './trigger-form.ts';

export type LiveTrigger =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'loaded'; versionNumber: number; spec: TriggerSpec };

/** How the live version starts (`GET /workflow-versions/{id}`): what the run dialog's form is made from. */
export function useLiveTrigger(liveVersionId: string | null): LiveTrigger {
  const api = useApi();
  const [live, setLive] = useState<LiveTrigger>({ status: liveVersionId === null ? 'none' : 'loading' });
  useEffect(() => {
    if (liveVersionId === null) {
      setLive({ status: 'none' });
      return;
    }
    const controller = new AbortController();
    setLive({ status: 'loading' });
    api.workflows.version(liveVersionId, controller.signal).then(
      (version) => setLive({ status: 'loaded', versionNumber: version.attributes.number, spec: triggerSpec(version) }),
      (error: unknown) => {
        if (!isAbort(error)) setLive({ status: 'failed', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [api, liveVersionId]);
  return live;
}

/** Why a run cannot be started from the editor right now, or null when it can. */
export function runBlockedReason(live: LiveTrigger): string | null {
  switch (live.status) {
    case 'none':
      return 'Publish the workflow first: runs start from the live version.';
    case 'loading':
      return 'Loading the live version…';
    case 'failed':
      return `The live version could not be loaded: ${live.error}`;
    case 'loaded':
      if (live.spec.kind === 'event') {
        return `This workflow starts on the case event ${live.spec.event ?? ''}, not over HTTP: create or change a case to start it.`;
      }
      return live.spec.kind === 'unknown' ? live.spec.reason : null;
  }
}
