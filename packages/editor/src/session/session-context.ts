import { createContext } from 'react';
import type { CaseworkApi } from './casework-api.ts';
import type { SignedInUser } from './session-api.ts';

/**
 * Where the session is: being asked for (`GET /api/v1/session` on load), nobody signed in, the api not answering,
 * or someone signed in.
 */
export type SessionStatus = 'checking' | 'signed-out' | 'unreachable' | 'signed-in';

export interface Session {
  /** Where the api is (`''`: this page's origin). */
  baseUrl: string;
  status: SessionStatus;
  /** Who is signed in; null unless `status` is `signed-in`. */
  user: SignedInUser | null;
  /** The API, writing with the session's CSRF token; null until someone signs in. */
  api: CaseworkApi | null;
  /** Why the sign-in screen is showing again (the session expired or ended, signed out), if it is. */
  notice: string | null;
  /** What went wrong asking for the session, while `status` is `unreachable`. */
  error: string | null;
  /** Signs in with email and password; rejects with the API's refusal (`ApiRequestError`: 401, 429, 400). */
  signIn: (email: string, password: string) => Promise<void>;
  /** Ends the session on the api, then shows the sign-in screen (also when the api could not be told). */
  signOut: () => Promise<void>;
  /** Asks for the session again (after `unreachable`). */
  retry: () => void;
}

export const SessionContext = createContext<Session | null>(null);
