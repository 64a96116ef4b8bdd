import type { EventResource } from '@casework/shared';
import { useCallback, useRef, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';

/** The older pages of a case's timeline, read one page at a time when the reviewer asks. */
export interface OlderEvents {
  events: readonly EventResource[];
  /** There are events older than those loaded. */
  more: boolean;
  loading: boolean;
  error: string | null;
  load: () => void;
}

interface State {
  caseId: string;
  events: readonly EventResource[];
  /** The cursor after the last older page read; undefined until one was. */
  next: string | null | undefined;
  loading: boolean;
  error: string | null;
}

/**
 * `firstNext` is the cursor after the newest page (which the case page reads and refreshes itself); each `load`
 * reads the page after the last one read. Another case starts over.
 */
export function useOlderEvents(caseId: string, firstNext: string | null): OlderEvents {
  const api = useApi();
  const fresh = (): State => ({ caseId, events: [], next: undefined, loading: false, error: null });
  const [state, setState] = useState<State>(fresh);
  const current = state.caseId === caseId ? state : fresh();
  if (current !== state) setState(current);
  const cursor = current.next === undefined ? firstNext : current.next;
  const inFlight = useRef(false);

  const load = useCallback(() => {
    if (cursor === null || inFlight.current) return;
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api.cases
      .events(caseId, undefined, cursor)
      .then(
        (page) =>
          setState((s) =>
            s.caseId === caseId ? { ...s, events: [...s.events, ...page.events], next: page.next, loading: false } : s,
          ),
        (error: unknown) => setState((s) => ({ ...s, loading: false, error: describeError(error) })),
      )
      .finally(() => {
        inFlight.current = false;
      });
  }, [api, caseId, cursor]);

  return { events: current.events, more: cursor !== null, loading: current.loading, error: current.error, load };
}
