import { autosaveLabels, type AutosaveState } from './autosave-machine.ts';

interface SaveStateIndicatorProps {
  state: AutosaveState;
  onRetry: () => void;
  onReload: () => void;
}

/** Saved / Saving… / Unsaved changes / Save failed (retry) / Changed elsewhere (reload). */
export function SaveStateIndicator({ state, onRetry, onReload }: SaveStateIndicatorProps) {
  return (
    <span className="save-state" data-testid="save-state" data-status={state.status} role="status">
      <span className="save-state-dot" aria-hidden="true" />
      <span title={state.error ?? undefined}>{autosaveLabels[state.status]}</span>
      {state.status === 'failed' && (
        <button type="button" className="button-quiet" onClick={onRetry} title={state.error ?? undefined}>
          Retry
        </button>
      )}
      {state.status === 'conflict' && (
        <button
          type="button"
          className="button-quiet"
          onClick={onReload}
          title="The draft was saved from another tab or client. Reload it; your changes here are not saved."
        >
          Reload
        </button>
      )}
    </span>
  );
}
