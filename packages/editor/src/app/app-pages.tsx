import { lazy, Suspense } from 'react';
import { AccessPage } from '../access/access-page.tsx';
import { CaseSetupPage } from '../case-setup/case-setup-page.tsx';
import { CasePage } from '../cases/case-page.tsx';
import { CasesPage } from '../cases/cases-page.tsx';
import { WorkflowsHome } from '../home/workflows-home.tsx';
import { SignInScreen } from '../session/sign-in-screen.tsx';
import { usePermissions } from '../session/use-permissions.ts';
import { useSession } from '../session/use-session.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { routeHref } from './route.ts';
import { useHashRoute } from './use-hash-route.ts';

// The canvas (React Flow, the compiler, the inspector) is most of the bundle: loaded when a workflow is opened, so the
// other pages (the reviewer console first) open without it (bench/console.ts).
const WorkflowPage = lazy(async () => ({ default: (await import('../workflow/workflow-page.tsx')).WorkflowPage }));
const VersionPage = lazy(async () => ({ default: (await import('../workflow/version-page.tsx')).VersionPage }));
const loadingWorkflow = <p className="page-message muted">Loading the workflow…</p>;

/** The page the URL hash names, once signed in; the sign-in screen before. */
export function AppPages() {
  const { status, error, retry } = useSession();
  const { administer } = usePermissions();
  const route = useHashRoute();
  switch (status) {
    case 'checking':
      return <p className="page-message muted">Checking who is signed in…</p>;
    case 'unreachable':
      return (
        <div className="page-message ui">
          <ErrorMessage
            action={
              <button type="button" onClick={retry}>
                Try again
              </button>
            }
          >
            Could not ask the API who is signed in. {error}
          </ErrorMessage>
        </div>
      );
    case 'signed-out':
      return <SignInScreen />;
    case 'signed-in':
      break;
  }
  switch (route.page) {
    case 'home':
      return <WorkflowsHome />;
    case 'case-setup':
      return <CaseSetupPage />;
    case 'cases':
      return <CasesPage query={route.query} />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'access':
      return administer ? (
        <AccessPage />
      ) : (
        <div className="page-message ui">
          <ErrorMessage>Only admins manage users and API keys.</ErrorMessage>
          <a href={routeHref({ page: 'home' })}>← The workflows</a>
        </div>
      );
    case 'workflow':
      return (
        <Suspense fallback={loadingWorkflow}>
          <WorkflowPage key={route.workflowId} workflowId={route.workflowId} runId={route.runId} />
        </Suspense>
      );
    case 'version':
      return (
        <Suspense fallback={loadingWorkflow}>
          <VersionPage
            key={`${route.workflowId}/${route.versionId}`}
            workflowId={route.workflowId}
            versionId={route.versionId}
          />
        </Suspense>
      );
    case 'not-found':
      return (
        <div className="page-message">
          <p>There is no page at {route.hash}.</p>
          <a href={routeHref({ page: 'home' })}>← The workflows</a>
        </div>
      );
  }
}
