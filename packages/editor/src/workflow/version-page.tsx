import type { WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { routeHref } from '../app/route.ts';
import { WorkflowEditor } from '../app/workflow-editor.tsx';
import { createEditorStore } from '../store/create-editor-store.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useCatalogSync } from './use-catalog-sync.ts';
import { useVersionLoad } from './use-version-load.ts';
import { VersionBar } from './version-bar.tsx';
import './workflow-page.css';

/** `#/workflows/<id>/versions/<version id>`: a published version on the canvas, read-only. */
export function VersionPage({ workflowId, versionId }: { workflowId: string; versionId: string }) {
  const load = useVersionLoad(workflowId, versionId);
  if (load.status === 'loading') return <p className="page-message muted">Loading the version…</p>;
  if (load.status === 'failed') {
    return (
      <div className="page-message ui">
        <ErrorMessage>{load.notFound ? 'There is no such version of this workflow.' : load.error}</ErrorMessage>
        <a href={routeHref({ page: 'workflow', workflowId })}>← Back to the draft</a>
      </div>
    );
  }
  return <ReadOnlyVersion key={load.version.id} workflow={load.workflow} version={load.version} />;
}

function ReadOnlyVersion({ workflow, version }: { workflow: WorkflowResource; version: WorkflowVersionResource }) {
  const [store] = useState(() => createEditorStore({ graph: version.attributes.graph, readOnly: true }));
  useCatalogSync(store, workflow.id);
  return <WorkflowEditor store={store} header={<VersionBar workflow={workflow} version={version} />} />;
}
