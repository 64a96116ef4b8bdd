import { usePermissions } from '../session/use-permissions.ts';
import { DataTable } from '../ui/data-table.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList } from '../ui/loadable-list.tsx';
import { CreateWorkflowForm } from './create-workflow-form.tsx';
import './workflows-home.css';
import { useWorkflowList } from './use-workflow-list.ts';
import { WorkflowRow } from './workflow-row.tsx';

const columns = ['Name', 'Live version', 'Last run', 'Updated'];

/** The start page: every active workflow with its live version and last run; create, rename, delete. */
export function WorkflowsHome() {
  const { state, reload, loadMore, update } = useWorkflowList();
  const { design } = usePermissions();
  return (
    <div className="workflows-home ui">
      <div className="workflows-home-inner">
        <h2 className="workflows-home-title">Workflows</h2>
        {design && <CreateWorkflowForm />}
        <LoadableList
          state={state}
          loading="Loading workflows…"
          failure="Could not load the workflows."
          onRetry={reload}
          empty={
            <EmptyState testId="workflows-empty">
              <h3>No workflows yet</h3>
              <p>
                A workflow opens a case, updates it, waits for a reviewer and more.{' '}
                {design
                  ? 'Name your first one above; it starts with an API trigger, and you draw the rest.'
                  : 'A designer draws them.'}
              </p>
            </EmptyState>
          }
        >
          {(workflows) => (
            <DataTable className="workflows-table" columns={columns}>
              {workflows.map((workflow) => (
                <WorkflowRow key={workflow.id} workflow={workflow} onChanged={update} />
              ))}
            </DataTable>
          )}
        </LoadableList>
        {state.status === 'loaded' && state.next !== null && (
          <button type="button" onClick={() => void loadMore()} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Show more'}
          </button>
        )}
      </div>
    </div>
  );
}
