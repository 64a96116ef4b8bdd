import type { WorkflowVersionResource } from '@casework/shared';
import { useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

interface RolloutControlProps {
  workflowId: string;
  live: WorkflowVersionResource;
  previous: WorkflowVersionResource | undefined;
  onChanged: () => void;
}

/**
 * A staged rollout in progress (the live version gets less than 100 % of new runs): its split, and the share to
 * change — 0 % sends every new run to the previous version, 100 % finishes the rollout.
 */
export function RolloutControl({ workflowId, live, previous, onChanged }: RolloutControlProps) {
  const api = useApi();
  const current = live.attributes['traffic-percent'];
  const [percent, setPercent] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = async (next: number) => {
    setBusy(true);
    setError(null);
    try {
      await api.workflows.setRollout(workflowId, next);
      onChanged();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rollout-control" data-testid="rollout-control">
      <p>
        Rolling out v{live.attributes.number}: <strong>{current} %</strong> of new runs, v
        {previous?.attributes.number ?? '?'} the other {100 - current} %.
      </p>
      <div className="version-actions">
        <input
          className="text-input"
          type="number"
          min={0}
          max={100}
          aria-label="Share of new runs for the live version, %"
          value={percent}
          onChange={(event) => setPercent(Math.min(100, Math.max(0, Math.round(Number(event.target.value) || 0))))}
        />
        <button type="button" disabled={busy} onClick={() => void apply(percent)}>
          Set
        </button>
        <button type="button" disabled={busy} onClick={() => void apply(100)}>
          Finish (100 %)
        </button>
        <button type="button" disabled={busy} onClick={() => void apply(0)}>
          Undo (0 %)
        </button>
      </div>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
