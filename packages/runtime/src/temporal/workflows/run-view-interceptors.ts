import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import type { RunRecord } from '../activities/run.activities.ts';

/** What the worker does with a run's view at the end of a workflow task (packages/runtime/src/temporal/run-view-sinks.ts). */
export interface RunViewSinks extends Sinks {
  runView: { publish(view: RunRecord): void };
}

// The bundle's modules are instantiated per workflow, so this is the one run of this workflow (null in other types).
let unrecordedView: (() => RunRecord | null) | null = null;

/**
 * Registers the run whose view is published whenever a workflow task ends with changes its record lacks: the run is
 * blocked then (a timer, a signal, a regular activity, a child), and its record in the store is what the run view
 * shows (docs/architecture.md, "Run bookkeeping").
 */
export function publishRunView(unrecorded: () => RunRecord | null): void {
  unrecordedView = unrecorded;
}

/**
 * A workflow task ends when an activation leaves no local activity running: the core completes the task then. The
 * view goes out through a sink (outside the history, not called on replay); the record's `seq` orders it between the
 * records the workflow writes itself.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  const sinks = proxySinks<RunViewSinks>();
  const localActivitiesRunning = new Set<number>();
  // A query's activation must not change the workflow (it is not replayed): it never takes a record.
  let answersQueriesOnly = false;
  return {
    internals: [
      {
        activate(input, next) {
          const jobs = input.activation.jobs ?? [];
          // An activation may come in batches; the first one starts it.
          answersQueriesOnly = (input.batchIndex === 0 || answersQueriesOnly) && jobs.every((job) => job.queryWorkflow);
          for (const job of jobs) {
            if (job.resolveActivity) localActivitiesRunning.delete(job.resolveActivity.seq ?? -1);
          }
          next(input);
        },
        concludeActivation(input, next) {
          for (const command of input.commands) {
            if (command.scheduleLocalActivity) localActivitiesRunning.add(command.scheduleLocalActivity.seq ?? -1);
          }
          if (localActivitiesRunning.size === 0 && !answersQueriesOnly) {
            const view = unrecordedView?.();
            if (view) sinks.runView.publish(view);
          }
          return next(input);
        },
      },
    ],
  };
};
