import { useState } from 'react';
import { routeHref } from '../app/route.ts';
import { createRunOverlayStore } from '../run/run-overlay-store.ts';
import { useLinkedRun } from '../run/use-linked-run.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { draftGraph } from './draft-graph.ts';
import { useWorkflowLoad } from './use-workflow-load.ts';
import { WorkflowWorkspace } from './workflow-workspace.tsx';
import './workflow-page.css';

/**
 * `#/workflows/<id>`: the workflow's draft in the editor, rebuilt whenever the draft is (re)loaded;
 * `#/workflows/<id>/runs/<run id>` overlays that run too.
 */
export function WorkflowPage({ workflowId, runId }: { workflowId: string; runId?: string | undefined }) {
  const { load, reload, replace } = useWorkflowLoad(workflowId);
  // The overlaid run outlives reloads of the draft: a restore doesn't lose the run being watched.
  const [runOverlay] = useState(createRunOverlayStore);
  const runError = useLinkedRun(runOverlay, workflowId, runId);

  if (load.status === 'loading') return <p className="page-message muted">Loading the workflow…</p>;
  if (load.status === 'failed') {
    return (
      <div className="page-message ui">
        <ErrorMessage
          action={
            load.notFound ? undefined : (
              <button type="button" onClick={reload}>
                Try again
              </button>
            )
          }
        >
          {load.notFound ? 'There is no workflow with this id.' : `The workflow could not be loaded. ${load.error}`}
        </ErrorMessage>
        <a href={routeHref({ page: 'home' })}>← Back to the workflows</a>
      </div>
    );
  }
  const graph = draftGraph(load.workflow.attributes.graph);
  if (!graph.ok) {
    return (
      <div className="page-message ui">
        <ErrorMessage>The saved draft is not a graph the editor can open. {graph.error}</ErrorMessage>
        <a href={routeHref({ page: 'home' })}>← Back to the workflows</a>
      </div>
    );
  }
  return (
    <>
      {runError !== null && (
        <div className="linked-run-error ui">
          <ErrorMessage>{runError}</ErrorMessage>
        </div>
      )}
      <WorkflowWorkspace
        key={load.generation}
        loaded={load.workflow}
        graph={graph.graph}
        runOverlay={runOverlay}
        onReload={reload}
        onReplace={replace}
      />
    </>
  );
}
