import { CaseSetupPage } from '../case-setup/case-setup-page.tsx';
import { WorkflowsHome } from '../home/workflows-home.tsx';
import { SignInScreen } from '../session/sign-in-screen.tsx';
import { useSession } from '../session/use-session.ts';
import { VersionPage } from '../workflow/version-page.tsx';
import { WorkflowPage } from '../workflow/workflow-page.tsx';
import { routeHref } from './route.ts';
import { useHashRoute } from './use-hash-route.ts';

/** The page the URL hash names, once signed in; the sign-in screen before. */
export function AppPages() {
  const { api } = useSession();
  const route = useHashRoute();
  if (api === null) return <SignInScreen />;
  switch (route.page) {
    case 'home':
      return <WorkflowsHome />;
    case 'case-setup':
      return <CaseSetupPage />;
    case 'workflow':
      return <WorkflowPage key={route.workflowId} workflowId={route.workflowId} />;
    case 'version':
      return (
        <VersionPage
          key={`${route.workflowId}/${route.versionId}`}
          workflowId={route.workflowId}
          versionId={route.versionId}
        />
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
