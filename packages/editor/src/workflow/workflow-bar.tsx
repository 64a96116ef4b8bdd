import type { WorkflowResource, WorkflowRunResource, WorkflowVersionResource } from '@casework/shared';
import { routeHref } from '../app/route.ts';
import { RunBanner } from '../run/run-banner.tsx';
import { RunButton } from '../run/run-button.tsx';
import { useFollowRun } from '../run/use-follow-run.ts';
import { useLiveTrigger } from '../run/use-live-trigger.ts';
import { useRunOverlay } from '../run/use-run-overlay.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import type { AutosaveState } from './autosave-machine.ts';
import { PublishButton } from './publish-button.tsx';
import { SaveStateIndicator } from './save-state-indicator.tsx';
import { useNextRun } from './use-next-run.ts';

export type Drawer = 'versions' | 'runs' | null;

interface WorkflowBarProps {
  workflow: WorkflowResource;
  saveState: AutosaveState;
  onReloadDraft: () => void;
  flush: () => Promise<boolean>;
  onPublished: (version: WorkflowVersionResource) => void;
  drawer: Drawer;
  onDrawer: (drawer: Drawer) => void;
  catalogError: string | null;
  onRetryCatalog: () => void;
}

/** The workflow page's bar: name, live version, save state; version history, runs, run and publish. */
export function WorkflowBar(props: WorkflowBarProps) {
  const { workflow, saveState, drawer, onDrawer } = props;
  const { name, 'live-version-number': liveNumber, 'live-version-id': liveId } = workflow.attributes;
  const show = useRunOverlay((state) => state.show);
  const live = useLiveTrigger(liveId);
  const nextRun = useNextRun(workflow.id, live.status === 'loaded' && live.spec.kind === 'schedule');
  // What the role may not do is not offered (a reviewer or viewer sees the draft read-only).
  const { design, trigger } = usePermissions();
  useFollowRun();
  const toggle = (which: Exclude<Drawer, null>) => onDrawer(drawer === which ? null : which);
  const started = (run: WorkflowRunResource) => show(run);

  return (
    <div className="workflow-bar-area ui">
      <div className="workflow-bar" role="toolbar" aria-label="Workflow">
        <a className="workflow-bar-back" href={routeHref({ page: 'home' })}>
          ← Workflows
        </a>
        <h2 className="workflow-bar-name" title={name}>
          {name}
        </h2>
        {liveNumber === null ? (
          <span className="muted" data-testid="live-version">
            Not published
          </span>
        ) : (
          <span className="live-badge" data-testid="live-version">
            Live: v{liveNumber}
          </span>
        )}
        {nextRun && (
          <span className="muted" data-testid="next-run" title={nextRun.toISOString()}>
            Next run {nextRun.toLocaleString()}
          </span>
        )}
        <SaveStateIndicator state={saveState} onRetry={() => void props.flush()} onReload={props.onReloadDraft} />
        <span className="workflow-bar-spacer" />
        <button type="button" aria-pressed={drawer === 'versions'} onClick={() => toggle('versions')}>
          Versions
        </button>
        <button type="button" aria-pressed={drawer === 'runs'} onClick={() => toggle('runs')}>
          Runs
        </button>
        {trigger && <RunButton workflowId={workflow.id} live={live} onStarted={started} />}
        {design ? (
          <PublishButton
            workflowId={workflow.id}
            flush={props.flush}
            onPublished={props.onPublished}
            blockedBy={saveState.status === 'conflict' ? 'The draft changed elsewhere: reload it first.' : null}
          />
        ) : (
          <span className="read-only-badge" data-testid="read-only-badge" title="Your role may not change workflows">
            Read-only
          </span>
        )}
      </div>
      {props.catalogError !== null && (
        <ErrorMessage
          action={
            <button type="button" onClick={props.onRetryCatalog}>
              Try again
            </button>
          }
        >
          Case templates and queues could not be loaded, so references to them can’t be checked: {props.catalogError}
        </ErrorMessage>
      )}
      <RunBanner />
    </div>
  );
}
