import { navigate } from '../app/use-hash-route.ts';
import { routeHref } from '../app/route.ts';
import { useApi } from '../session/use-api.ts';
import { CreateByNameForm } from '../ui/create-by-name-form.tsx';

/** Names a new workflow, creates it (a draft holding just an API trigger) and opens it. */
export function CreateWorkflowForm() {
  const api = useApi();
  return (
    <CreateByNameForm
      label="New workflow name"
      placeholder="New workflow name, e.g. High-value KYC review"
      submitLabel="Create workflow"
      leavesPage
      onCreate={async (name) => {
        const workflow = await api.workflows.create(name);
        navigate(routeHref({ page: 'workflow', workflowId: workflow.id }));
      }}
    />
  );
}
