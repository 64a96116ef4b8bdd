import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { browserStorage, forgetKey, readStoredKey, storeKey } from './api-key-storage.ts';
import { createCaseworkApi } from './casework-api.ts';
import { SessionContext, type Session } from './session-context.ts';

const REJECTED = 'The API no longer accepts the saved key (HTTP 401). Sign in with a current key.';

/**
 * Holds the API key (kept in localStorage) and the API built with it. Any 401 signs the user out and says why,
 * so the sign-in screen comes back instead of a page of errors.
 */
export function SessionProvider({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) {
  const [apiKey, setApiKey] = useState(() => readStoredKey(browserStorage()));
  const [notice, setNotice] = useState<string | null>(null);
  // The key in use right now: a late 401 answering a request made with an earlier key changes nothing.
  const current = useRef(apiKey);

  const signIn = useCallback((key: string) => {
    storeKey(browserStorage(), key);
    current.current = key.trim();
    setNotice(null);
    setApiKey(key.trim());
  }, []);
  const signOut = useCallback(() => {
    forgetKey(browserStorage());
    current.current = null;
    setApiKey(null);
  }, []);

  const api = useMemo(() => {
    if (apiKey === null) return null;
    const onUnauthorized = () => {
      if (current.current !== apiKey) return;
      forgetKey(browserStorage());
      current.current = null;
      setNotice(REJECTED);
      setApiKey(null);
    };
    return createCaseworkApi({ baseUrl, apiKey, onUnauthorized });
  }, [apiKey, baseUrl]);

  const session = useMemo<Session>(
    () => ({ baseUrl, api, notice, signIn, signOut }),
    [baseUrl, api, notice, signIn, signOut],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}
