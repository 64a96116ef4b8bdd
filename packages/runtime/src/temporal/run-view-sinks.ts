import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowRunRepository } from '../runs/workflow-run-repository.ts';
import { snapshotOf } from './activities/run.activities.ts';
import type { RunViewSinks } from './workflows/run-view-interceptors.ts';

/**
 * Where a run's view goes when its workflow task ends (packages/runtime/src/temporal/workflows/run-view-interceptors.ts):
 * its record, written without holding up the task. A lost write (a store error, the worker stopping) leaves the record
 * behind until the next one; the run view then asks the workflow (packages/runtime/src/runs/workflow-run-service.ts).
 */
export function runViewSinks(
  runs: Pick<WorkflowRunRepository, 'applySnapshot'>,
  log: { warn(details: object, message: string): void },
): InjectedSinks<RunViewSinks> {
  return {
    runView: {
      publish: {
        fn(_info, view) {
          void runs
            .applySnapshot(view.runId, snapshotOf(view))
            .catch((error: unknown) => log.warn({ err: error, runId: view.runId }, 'run view not recorded'));
        },
        callDuringReplay: false,
      },
    },
  };
}
