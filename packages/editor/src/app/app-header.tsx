import type { Readiness } from '../api/readiness.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { useSession } from '../session/use-session.ts';
import { routeHref } from './route.ts';
import { SignedInAs } from './signed-in-as.tsx';
import { SystemStatus } from './system-status.tsx';
import { useHashRoute } from './use-hash-route.ts';

type Section = 'workflows' | 'cases' | 'case-setup' | 'access';

export function AppHeader({ readiness }: { readiness: Readiness | undefined }) {
  const { api } = useSession();
  const { administer } = usePermissions();
  const { page } = useHashRoute();
  // A workflow and its versions belong to "Workflows": the link is marked as the current section there.
  const section: Section | null =
    page === 'case-setup' || page === 'access' || page === 'cases'
      ? page
      : page === 'case'
        ? 'cases'
        : page === 'not-found'
          ? null
          : 'workflows';
  // On a page inside a section (a workflow, a case) the section's link is marked current, but not as "the page".
  const current = (link: Section) =>
    link !== section ? undefined : page === 'workflow' || page === 'version' || page === 'case' ? 'true' : 'page';
  return (
    <header className="app-header ui">
      <h1 className="app-title">Casework</h1>
      <nav className="app-nav" aria-label="Casework">
        {api !== null && (
          <>
            <a href={routeHref({ page: 'home' })} aria-current={current('workflows')}>
              Workflows
            </a>
            <a href={routeHref({ page: 'cases', query: '' })} aria-current={current('cases')}>
              Cases
            </a>
            <a href={routeHref({ page: 'case-setup' })} aria-current={current('case-setup')}>
              Case setup
            </a>
            {administer && (
              <a href={routeHref({ page: 'access' })} aria-current={current('access')}>
                Access
              </a>
            )}
          </>
        )}
        <a href="/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </nav>
      <SystemStatus readiness={readiness} />
      <SignedInAs />
    </header>
  );
}
