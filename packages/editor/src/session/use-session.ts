import { useContext } from 'react';
import { SessionContext, type Session } from './session-context.ts';

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be called inside a <SessionProvider>.');
  return session;
}
