import type { WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { routeHref } from '../app/route.ts';
import { useApi } from '../session/use-api.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { FormDialog } from '../ui/form-dialog.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { RolloutControl } from './rollout-control.tsx';
import { useVersionList } from './use-version-list.ts';
import { versionAuthor } from './version-author.ts';

interface VersionsPanelProps {
  workflowId: string;
  liveVersionId: string | null;
  /** Saves pending edits and answers the draft revision to restore on top of, or null if that failed. */
  prepareRestore: () => Promise<number | null>;
  onRestored: (workflow: WorkflowResource) => void;
  onClose: () => void;
}

/** Version history: every published version, newest first; open one read-only, or restore it into the draft. */
export function VersionsPanel({ workflowId, liveVersionId, prepareRestore, onRestored, onClose }: VersionsPanelProps) {
  const api = useApi();
  const { design } = usePermissions();
  const [changes, setChanges] = useState(0);
  const { list, loadMore } = useVersionList(workflowId, `${liveVersionId ?? ''}:${changes}`);
  const [restoring, setRestoring] = useState<WorkflowVersionResource | null>(null);
  const versions = list.status === 'loaded' ? list.versions : [];
  const live = versions.find((version) => version.id === liveVersionId);
  // A live version with less than all new runs: a staged rollout, the rest on the other version that gets some.
  const rolling = live !== undefined && live.attributes['traffic-percent'] < 100;
  const previous = versions.find(
    (version) => version.id !== liveVersionId && version.attributes['traffic-percent'] > 0,
  );

  const restore = async (version: WorkflowVersionResource) => {
    const revision = await prepareRestore();
    if (revision === null) throw new Error('The draft could not be saved first; restore it once it is saved.');
    onRestored(await api.workflows.restore(workflowId, version.id, revision));
  };

  return (
    <section className="side-panel" aria-label="Version history" data-testid="versions-panel">
      <header className="side-panel-header">
        <h2>Version history</h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label="Close version history">
          ×
        </button>
      </header>
      {list.status === 'loading' && <p className="muted side-panel-note">Loading versions…</p>}
      {list.status === 'failed' && <ErrorMessage>{list.error}</ErrorMessage>}
      {list.status === 'loaded' && list.versions.length === 0 && (
        <p className="muted side-panel-note">Nothing published yet. “Publish…” makes the draft version 1.</p>
      )}
      {rolling && design && (
        <RolloutControl
          key={`${live.id}:${live.attributes['traffic-percent']}`}
          workflowId={workflowId}
          live={live}
          previous={previous}
          onChanged={() => setChanges((count) => count + 1)}
        />
      )}
      {list.status === 'loaded' && list.versions.length > 0 && (
        <ul className="side-panel-list">
          {list.versions.map((version) => (
            <li key={version.id} className="version-item" data-testid="version-item">
              <div className="side-panel-item-title">
                <strong>v{version.attributes.number}</strong>
                {version.id === liveVersionId && <span className="live-badge">Live</span>}
                {(version.id === liveVersionId || version.attributes['traffic-percent'] > 0) && (
                  <span className="traffic-badge" data-testid="traffic-percent">
                    {version.attributes['traffic-percent']} % of new runs
                  </span>
                )}
                <span className="muted">{formatDateTime(version.attributes['created-at'])}</span>
              </div>
              <p className={version.attributes.notes ? 'version-notes' : 'version-notes muted'}>
                {version.attributes.notes ?? 'No notes'}
              </p>
              <p className="muted version-author">by {versionAuthor(version)}</p>
              <div className="version-actions">
                <a href={routeHref({ page: 'version', workflowId, versionId: version.id })}>Open read-only</a>
                {design && (
                  <button type="button" onClick={() => setRestoring(version)}>
                    Restore
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'loaded' && list.next !== null && (
        <button type="button" className="side-panel-wide-button" onClick={() => void loadMore()}>
          Show older versions
        </button>
      )}
      {restoring !== null && (
        <FormDialog
          title={`Restore version ${restoring.attributes.number}?`}
          submitLabel="Restore into the draft"
          onClose={() => setRestoring(null)}
          onSubmit={() => restore(restoring)}
        >
          <p>
            The draft becomes the graph of v{restoring.attributes.number}. What the draft holds now is replaced (publish
            it first if you want to keep it). Publish afterwards to make the restored graph live.
          </p>
        </FormDialog>
      )}
    </section>
  );
}
