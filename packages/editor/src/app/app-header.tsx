import type { Readiness } from '../api/readiness.ts';
import { useSession } from '../session/use-session.ts';
import { routeHref } from './route.ts';
import { SystemStatus } from './system-status.tsx';

export function AppHeader({ readiness }: { readiness: Readiness | undefined }) {
  const { api, signOut } = useSession();
  return (
    <header className="app-header ui">
      <h1 className="app-title">Casework</h1>
      <nav className="app-nav" aria-label="Casework">
        {api !== null && <a href={routeHref({ page: 'home' })}>Workflows</a>}
        <a href="/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </nav>
      <SystemStatus readiness={readiness} />
      {api !== null && (
        <button type="button" className="app-sign-out" onClick={signOut}>
          Sign out
        </button>
      )}
    </header>
  );
}
