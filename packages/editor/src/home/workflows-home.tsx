import { ErrorMessage } from '../ui/error-message.tsx';
import { CreateWorkflowForm } from './create-workflow-form.tsx';
import './workflows-home.css';
import { useWorkflowList } from './use-workflow-list.ts';
import { WorkflowRow } from './workflow-row.tsx';

/** The start page: every active workflow with its live version and last run; create, rename, delete. */
export function WorkflowsHome() {
  const { state, reload, loadMore, update } = useWorkflowList();
  return (
    <div className="workflows-home ui">
      <div className="workflows-home-inner">
        <h2 className="workflows-home-title">Workflows</h2>
        <CreateWorkflowForm />
        {state.status === 'loading' && <p className="muted">Loading workflows…</p>}
        {state.status === 'failed' && (
          <ErrorMessage
            action={
              <button type="button" onClick={reload}>
                Try again
              </button>
            }
          >
            Could not load the workflows. {state.error}
          </ErrorMessage>
        )}
        {state.status === 'loaded' && state.items.length === 0 && (
          <div className="workflows-empty" data-testid="workflows-empty">
            <h3>No workflows yet</h3>
            <p>
              A workflow opens a case, updates it, waits for a reviewer and more. Name your first one above; it starts
              with an API trigger, and you draw the rest.
            </p>
          </div>
        )}
        {state.status === 'loaded' && state.items.length > 0 && (
          <table className="workflows-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Live version</th>
                <th scope="col">Last run</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((workflow) => (
                <WorkflowRow key={workflow.id} workflow={workflow} onChanged={update} />
              ))}
            </tbody>
          </table>
        )}
        {state.status === 'loaded' && state.next !== null && (
          <button type="button" onClick={() => void loadMore()} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Show more'}
          </button>
        )}
      </div>
    </div>
  );
}
