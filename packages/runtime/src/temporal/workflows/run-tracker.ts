import type { RunInput, RunResume, RunStatus, StepState } from '@casework/shared';
import { initialVariables, pendingSteps, trimOutput } from '@casework/shared/workflow';

/**
 * What a run knows of itself as it goes: each step's state for the run view, the outputs later expressions read
 * (`steps.<id>`), the run variables (`vars.<name>`), the cases it touched. Pure bookkeeping; the workflow decides when to record it.
 */
export function createRunTracker(input: RunInput, now: () => string) {
  const resume: RunResume | undefined = input.resume;
  const steps: StepState[] = resume?.steps ?? pendingSteps(Object.keys(input.plan.steps));
  const outputs: Record<string, unknown> = resume?.outputs ?? {};
  const caseIds: string[] = resume?.caseIds ?? [];
  // The run variables (`vars.<name>`): replaced whole by a set-variables step, carried across continue-as-new.
  let vars: Record<string, unknown> = resume?.vars ?? initialVariables(input.plan.variables);
  let seq = resume?.seq ?? 0;
  let status: RunStatus = 'in_progress';
  let error: string | null = null;
  let completedAt: string | null = null;
  // Whether the view changed since the last record was taken (record, unrecorded).
  let dirty = false;

  // Waiting while any step waits: with parallel branches one may wait while another runs.
  const liveStatus = (): RunStatus => (steps.some((step) => step.status === 'waiting') ? 'waiting' : 'in_progress');

  const stateOf = (id: string): StepState => {
    const found = steps.find((step) => step['node-id'] === id);
    if (!found) throw new Error(`node ${id} is not a step of this plan`);
    return found;
  };

  return {
    outputs,
    caseIds,
    get status() {
      return status;
    },
    get vars(): Readonly<Record<string, unknown>> {
      return vars;
    },
    setVars(next: Record<string, unknown>) {
      vars = next;
    },

    start(id: string, waiting = false) {
      dirty = true;
      Object.assign(stateOf(id), { status: waiting ? 'waiting' : 'running', 'started-at': now(), error: null });
      status = liveStatus();
    },

    /** `shown`: what the run view shows of the output, when not the output itself. */
    complete(id: string, output: unknown, attempts = 1, shown: unknown = output) {
      outputs[id] = output;
      dirty = true;
      const state = stateOf(id);
      Object.assign(state, {
        status: 'completed',
        'started-at': state['started-at'] ?? now(),
        'completed-at': now(),
        attempts,
        output: trimOutput(shown),
      });
      status = liveStatus();
    },

    /** `shown`: the run view shows the output too (a failed child run's id), not only the error. */
    fail(id: string, message: string, attempts: number, output?: unknown, shown = false) {
      if (output !== undefined) outputs[id] = output;
      dirty = true;
      const state = stateOf(id);
      Object.assign(state, {
        status: 'errored',
        'started-at': state['started-at'] ?? now(),
        'completed-at': now(),
        attempts,
        error: message,
        ...(shown && output !== undefined ? { output: trimOutput(output) } : {}),
      });
      status = liveStatus();
    },

    /** A `logic.for-each`'s progress so far (shown on its node while it runs, kept after). */
    progress(id: string, iterations: { total: number; done: number; failed: number }) {
      stateOf(id).iterations = { ...iterations };
      dirty = true;
    },

    /** A step left running or waiting when its parallel branch was canceled: errored, with why. */
    abandon(id: string, message: string) {
      const state = stateOf(id);
      if (state.status !== 'running' && state.status !== 'waiting') return;
      dirty = true;
      Object.assign(state, { status: 'errored', 'completed-at': now(), error: message });
      status = liveStatus();
    },

    /** Adds a case the run touched; true when it is new (the search attribute needs updating). */
    touchCase(caseId: string): boolean {
      if (caseIds.includes(caseId)) return false;
      caseIds.push(caseId);
      dirty = true;
      return true;
    },

    /** Ends the run: steps never reached are `skipped`. */
    finish(final: Extract<RunStatus, 'completed' | 'errored' | 'canceled'>, message: string | null = null) {
      for (const state of steps) {
        if (state.status === 'pending') state.status = 'skipped';
        if (final === 'canceled' && (state.status === 'running' || state.status === 'waiting')) {
          Object.assign(state, { status: 'errored', 'completed-at': now(), error: 'canceled' });
        }
      }
      status = final;
      error = message;
      completedAt = now();
      dirty = true;
    },

    /** The next record to store; each has a higher `seq`, so a late retry never overwrites a newer one. */
    record(runId: string, temporalRunId: string) {
      seq += 1;
      dirty = false;
      return this.view(runId, temporalRunId);
    },

    /** A record of what changed since the last one, as `record` takes it; null when nothing did. */
    unrecorded(runId: string, temporalRunId: string) {
      return dirty ? this.record(runId, temporalRunId) : null;
    },

    /** The current state, without taking a new `seq` (for queries, which must not change the workflow). */
    view(runId: string, temporalRunId: string) {
      return {
        runId,
        workflowId: input.workflowId,
        seq,
        status,
        steps,
        caseIds,
        error,
        temporalRunId,
        at: now(),
        completedAt,
      };
    },

    resumeAt(at: string | null): RunResume {
      // Only plans with variables carry them: a resume of another run stays as it always was.
      return { at, outputs, steps, caseIds, seq, ...(input.plan.variables || resume?.vars ? { vars } : {}) };
    },
  };
}

export type RunTracker = ReturnType<typeof createRunTracker>;
