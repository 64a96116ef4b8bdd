import { createContext } from 'react';
import type { CaseworkApi } from './casework-api.ts';

export interface Session {
  /** Where the api is (`''`: this page's origin). */
  baseUrl: string;
  /** The API with the signed-in key; null until someone signs in. */
  api: CaseworkApi | null;
  /** Why the sign-in screen is showing again (a key the API stopped accepting), if it is. */
  notice: string | null;
  signIn: (apiKey: string) => void;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);
