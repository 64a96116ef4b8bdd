import type { SessionResource } from '@casework/shared';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient } from '../api/api-client.ts';
import { isApiRequestError } from '../api/api-error.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';
import { createCaseworkApi } from './casework-api.ts';
import { createSession, endSession, fetchSession } from './session-api.ts';
import { SessionContext, type Session } from './session-context.ts';

const ENDED = 'Your session has expired or ended (the API answered 401). Sign in again to carry on.';
const SIGNED_OUT = 'You have signed out.';

type State =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'unreachable'; error: string }
  | { status: 'signed-in'; session: SessionResource };

/**
 * Holds who is signed in (the api's session cookie, HttpOnly: the page never sees it) and the API built with the
 * session's CSRF token. On load it asks the api for the session; any 401 afterwards signs the user out and says why,
 * so the sign-in screen comes back instead of a page of errors.
 */
export function SessionProvider({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // The session in use right now: a late 401 answering a request of an earlier session changes nothing.
  const current = useRef<SessionResource | null>(null);

  const enter = useCallback((session: SessionResource | null, notice: string | null = null) => {
    current.current = session;
    setState(session === null ? { status: 'signed-out', notice } : { status: 'signed-in', session });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'checking' });
    fetchSession(baseUrl, controller.signal).then(
      (session) => enter(session),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'unreachable', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [baseUrl, attempt, enter]);

  const session = state.status === 'signed-in' ? state.session : null;
  // Each session's requests share one abort signal: signing out cancels those still on their way, so none of them
  // comes back as a 401 of a session that has ended.
  const sessionRequests = useRef<AbortController | null>(null);
  const api = useMemo(() => {
    if (session === null) return null;
    const onUnauthorized = () => {
      if (current.current === session) enter(null, ENDED);
    };
    const requests = new AbortController();
    sessionRequests.current = requests;
    return createCaseworkApi({
      baseUrl,
      csrfToken: session.attributes['csrf-token'],
      onUnauthorized,
      sessionSignal: requests.signal,
    });
  }, [session, baseUrl, enter]);

  const signIn = useCallback(
    async (email: string, password: string) => enter(await createSession(baseUrl, email, password)),
    [baseUrl, enter],
  );
  const signOut = useCallback(async () => {
    if (session === null) return;
    sessionRequests.current?.abort();
    try {
      await endSession(createApiClient({ baseUrl, csrfToken: session.attributes['csrf-token'] }));
      enter(null, SIGNED_OUT);
    } catch (error) {
      // A 401 has signed the user out already (the session had ended anyway); anything else: say so.
      if (isApiRequestError(error) && error.status === 401) return;
      enter(null, `Signing out failed: ${describeError(error)} The session may stay open until it expires.`);
    }
  }, [session, baseUrl, enter]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<Session>(
    () => ({
      baseUrl,
      status: state.status,
      user: session?.attributes ?? null,
      api,
      notice: state.status === 'signed-out' ? state.notice : null,
      error: state.status === 'unreachable' ? state.error : null,
      signIn,
      signOut,
      retry,
    }),
    [baseUrl, state, session, api, signIn, signOut, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
