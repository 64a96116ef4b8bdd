import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { DependencyUnavailableError } from '../platform/errors.ts';
import { RUN_CHANGES } from '../temporal/workflows/run-changes.ts';
import { firstTaskUpdate, runPlan } from '../temporal/workflows/run-plan.workflow.ts';
import { caseIdsKey, versionIdKey, workflowIdKey } from '../temporal/workflows/search-attributes.ts';
import type { WorkflowRunDocument } from './workflow-run-collections.ts';
import type { WorkflowRunRepository } from './workflow-run-repository.ts';
import type { RunnableVersion } from './workflow-run-service.ts';

/**
 * Starts the Temporal workflow of a run already recorded (workflow-run-service.ts), plainly or with the update that
 * answers when its first task ends (`Prefer: wait`); `recordCreated` records `workflow-run.created` once started.
 */
export function createRunLauncher(deps: {
  runs: WorkflowRunRepository;
  temporal: { client: Client; taskQueue: string };
  recordCreated: (run: WorkflowRunDocument, opts: { firstTry: boolean }) => Promise<unknown>;
}) {
  const { recordCreated } = deps;

  /** The workflow start of a recorded run (workflow id = run id, never reused). */
  const startOptions = (run: WorkflowRunDocument, version: RunnableVersion) => ({
    workflowId: run._id,
    taskQueue: deps.temporal.taskQueue,
    args: [
      {
        runId: run._id,
        workflowId: version.workflowId,
        versionId: version.versionId,
        plan: version.plan,
        trigger: run.input,
        changes: RUN_CHANGES,
      },
    ] satisfies Parameters<typeof runPlan>,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: workflowIdKey, value: version.workflowId },
      { key: versionIdKey, value: version.versionId },
      { key: caseIdsKey, value: run.caseIds },
    ],
    staticSummary: `Workflow ${version.workflowId} v${version.versionNumber}`,
  });

  /**
   * Starts a recorded run's workflow: a duplicate start (same dedupe key) finds the same run and Temporal refuses a
   * second execution, so a run starts at most once.
   */
  async function launch(run: WorkflowRunDocument, version: RunnableVersion, firstTry: boolean) {
    try {
      const handle = await deps.temporal.client.workflow.start(runPlan, startOptions(run, version));
      await recordCreated(run, { firstTry });
      return { ...run, temporalRunId: handle.firstExecutionRunId };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        await recordCreated(run, { firstTry });
        return (await deps.runs.findById(run._id)) ?? run;
      }
      // Not started: forget the record, so a retry (same dedupe key) starts it afresh.
      await deps.runs.remove(run._id, 0).catch(() => undefined);
      const reason =
        error instanceof Error ? `${error.message}${error.cause ? `: ${String(error.cause)}` : ''}` : String(error);
      throw new DependencyUnavailableError(`The run could not be started; try again (Temporal: ${reason}).`);
    }
  }

  /**
   * Starts a recorded run's workflow together with `firstTaskUpdate` (one update-with-start call), which Temporal
   * answers when the run's first task ends: true then. Anything else (the deadline passed first, an earlier try
   * started the run, a server without update-with-start) falls back to a plain start, which starts the run or finds
   * it started, and gives false: the caller watches the history instead.
   */
  async function launchAnswered(run: WorkflowRunDocument, version: RunnableVersion, firstTry: boolean, until: number) {
    const { client } = deps.temporal;
    try {
      await client.withDeadline(until, () =>
        client.workflow.executeUpdateWithStart(firstTaskUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(runPlan, {
            ...startOptions(run, version),
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
          }),
        }),
      );
    } catch (error) {
      // Refused by the run (a worker from before the update): started all the same, and its first task has ended.
      if (!(error instanceof WorkflowUpdateFailedError)) {
        await launch(run, version, firstTry);
        return false;
      }
    }
    await recordCreated(run, { firstTry });
    return true;
  }

  return { launch, launchAnswered };
}
