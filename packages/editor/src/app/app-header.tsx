import type { Readiness } from '../api/readiness.ts';
import { useSession } from '../session/use-session.ts';
import { routeHref } from './route.ts';
import { SystemStatus } from './system-status.tsx';
import { useHashRoute } from './use-hash-route.ts';

export function AppHeader({ readiness }: { readiness: Readiness | undefined }) {
  const { api, signOut } = useSession();
  const { page } = useHashRoute();
  // A workflow and its versions belong to "Workflows": the link is marked as the current section there.
  const section = page === 'case-setup' ? 'case-setup' : page === 'not-found' ? null : 'workflows';
  const current = (link: 'workflows' | 'case-setup') =>
    link !== section ? undefined : page === 'home' || page === 'case-setup' ? 'page' : 'true';
  return (
    <header className="app-header ui">
      <h1 className="app-title">Casework</h1>
      <nav className="app-nav" aria-label="Casework">
        {api !== null && (
          <>
            <a href={routeHref({ page: 'home' })} aria-current={current('workflows')}>
              Workflows
            </a>
            <a href={routeHref({ page: 'case-setup' })} aria-current={current('case-setup')}>
              Case setup
            </a>
          </>
        )}
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
