import type { Graph, WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { useCallback, useState } from 'react';
import { WorkflowEditor } from '../app/workflow-editor.tsx';
import { RunsPanel } from '../run/runs-panel.tsx';
import type { RunOverlayStore } from '../run/run-overlay-store.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { createEditorStore } from '../store/create-editor-store.ts';
import { useAutosave } from './use-autosave.ts';
import { useCatalogSync } from './use-catalog-sync.ts';
import { VersionsPanel } from './versions-panel.tsx';
import { WorkflowBar, type Drawer } from './workflow-bar.tsx';

interface WorkflowWorkspaceProps {
  loaded: WorkflowResource;
  graph: Graph;
  runOverlay: RunOverlayStore;
  /** Fetches the draft again (after "changed elsewhere"). */
  onReload: () => void;
  /** Rebuilds the editor from a workflow the API just answered with (after a restore). */
  onReplace: (workflow: WorkflowResource) => void;
}

/** One loaded draft in the editor: autosaved, compiled against the API's catalog, published and run from here. */
export function WorkflowWorkspace({ loaded, graph, runOverlay, onReload, onReplace }: WorkflowWorkspaceProps) {
  const [workflow, setWorkflow] = useState(loaded);
  const { design } = usePermissions();
  // A role that may not change workflows sees the draft read-only: nothing to autosave, nothing refused.
  const [store] = useState(() => createEditorStore({ graph, readOnly: !design }));
  const { autosave, state: saveState } = useAutosave(
    store,
    loaded.id,
    loaded.attributes['draft-revision'],
    setWorkflow,
  );
  const catalog = useCatalogSync(store, loaded.id);
  const [drawer, setDrawer] = useState<Drawer>(null);

  const published = useCallback((version: WorkflowVersionResource) => {
    setWorkflow((current) => ({
      ...current,
      attributes: {
        ...current.attributes,
        'live-version-id': version.id,
        'live-version-number': version.attributes.number,
      },
    }));
  }, []);
  const prepareRestore = useCallback(
    async () => ((await autosave.flush()) ? autosave.getState().revision : null),
    [autosave],
  );
  const closeDrawer = useCallback(() => setDrawer(null), []);

  const header = (
    <WorkflowBar
      workflow={workflow}
      saveState={saveState}
      onReloadDraft={onReload}
      flush={autosave.flush}
      onPublished={published}
      drawer={drawer}
      onDrawer={setDrawer}
      catalogError={catalog.error}
      onRetryCatalog={catalog.retry}
    />
  );
  const drawerContent =
    drawer === 'versions' ? (
      <VersionsPanel
        workflowId={workflow.id}
        liveVersionId={workflow.attributes['live-version-id']}
        prepareRestore={prepareRestore}
        onRestored={onReplace}
        onClose={closeDrawer}
      />
    ) : drawer === 'runs' ? (
      <RunsPanel workflowId={workflow.id} onClose={closeDrawer} />
    ) : null;

  return <WorkflowEditor store={store} runOverlay={runOverlay} header={header} drawer={drawerContent} />;
}
