import type { StepState, StepStatus, WorkflowRunResource } from '@casework/shared';
import { durationBetween, formatDuration, formatTime } from '../ui/format-time.ts';

/** What a node shows of its step in the overlaid run: status colour and icon, timing, attempts, a tooltip. */
export interface StepOverlay {
  nodeId: string;
  status: StepStatus;
  icon: string;
  statusLabel: string;
  /** `1.2 s` for a finished step, `since 12:00:01` for one in progress; null before it starts. */
  timing: string | null;
  attempts: number;
  /** A For each's progress: `2/3 items done · 1 failed`; null for other steps. */
  iterations: string | null;
  /** The hover text: status, times, attempts, then the error or the (trimmed) output. */
  detail: string;
  /** A `flow.run-workflow` step's child run (its workflow and run id), to open it; null for other steps. */
  childRun: { workflowId: string; runId: string } | null;
  /** The step as the API sent it, serialized: an unchanged step keeps its overlay object between polls. */
  key: string;
}

export const stepStatusIcons: Record<StepStatus, string> = {
  pending: '○',
  running: '◔',
  waiting: '⏸',
  completed: '✓',
  skipped: '⤼',
  errored: '✕',
};

export const stepStatusLabels: Record<StepStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Completed',
  skipped: 'Skipped',
  errored: 'Errored',
};

const MAX_DETAIL_OUTPUT_CHARS = 800;

export function stepOverlay(step: StepState): StepOverlay {
  const { 'node-id': nodeId, status, attempts } = step;
  return {
    nodeId,
    status,
    icon: stepStatusIcons[status],
    statusLabel: stepStatusLabels[status],
    timing: stepTiming(step),
    attempts,
    iterations: iterationsText(step.iterations),
    detail: stepDetail(step),
    childRun: childRunOf(step.output),
    key: JSON.stringify(step),
  };
}

/** The child run named by a step's output (`{ 'run-id', 'workflow-id' }` of `flow.run-workflow`), if any. */
function childRunOf(output: unknown): StepOverlay['childRun'] {
  if (output === null || typeof output !== 'object') return null;
  const { 'run-id': runId, 'workflow-id': workflowId } = output as Record<string, unknown>;
  return typeof runId === 'string' && runId.startsWith('wfr_') && typeof workflowId === 'string'
    ? { workflowId, runId }
    : null;
}

/**
 * The overlay of every step of `run` by node id. Steps that did not change since `previous` keep their overlay
 * object, so the nodes of a followed run re-render only when their own step moves on.
 */
export function stepOverlays(
  run: WorkflowRunResource,
  previous?: ReadonlyMap<string, StepOverlay>,
): ReadonlyMap<string, StepOverlay> {
  const overlays = new Map<string, StepOverlay>();
  for (const step of run.attributes.steps) {
    const before = previous?.get(step['node-id']);
    const next = stepOverlay(step);
    overlays.set(step['node-id'], before?.key === next.key ? before : next);
  }
  return overlays;
}

/** `2/3 items done`, with `· 1 failed` when any iteration failed. */
export function iterationsText(iterations: StepState['iterations']): string | null {
  if (!iterations) return null;
  const { total, done, failed } = iterations;
  return `${done}/${total} item${total === 1 ? '' : 's'} done${failed > 0 ? ` · ${failed} failed` : ''}`;
}

function stepTiming(step: StepState): string | null {
  const { status, 'started-at': startedAt, 'completed-at': completedAt } = step;
  if (status === 'running' || status === 'waiting') return startedAt ? `since ${formatTime(startedAt)}` : null;
  const took = durationBetween(startedAt, completedAt);
  return took === null ? null : formatDuration(took);
}

function stepDetail(step: StepState): string {
  const lines = [`${stepStatusLabels[step.status]} · ${step.attempts} attempt${step.attempts === 1 ? '' : 's'}`];
  if (step['started-at']) lines.push(`Started ${formatTime(step['started-at'])}`);
  if (step['completed-at']) lines.push(`Ended ${formatTime(step['completed-at'])}`);
  const iterations = iterationsText(step.iterations);
  if (iterations) lines.push(`Iterations: ${iterations}`);
  if (step.error) lines.push(`Error: ${step.error}`);
  if (step.output !== null && step.output !== undefined) lines.push(`Output:\n${formatOutput(step.output)}`);
  return lines.join('\n');
}

/** Pretty JSON, cut short for a tooltip. */
export function formatOutput(output: unknown): string {
  const json = JSON.stringify(output, null, 2);
  return json.length > MAX_DETAIL_OUTPUT_CHARS ? `${json.slice(0, MAX_DETAIL_OUTPUT_CHARS)}…` : json;
}
