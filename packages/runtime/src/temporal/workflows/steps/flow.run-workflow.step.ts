import type { RunInput } from '@casework/shared';
import { evaluateValue, evaluateValueNow, MAX_WORKFLOW_CALL_DEPTH } from '@casework/shared/workflow';
import {
  ApplicationFailure,
  CancellationScope,
  ChildWorkflowFailure,
  isCancellation,
  ParentClosePolicy,
  proxyActivities,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { RunActivities } from '../../activities/run.activities.ts';
import type { RunOutcome, runPlan } from '../run-plan.workflow.ts';
import { nextOf, retryPolicy } from '../run-steps.ts';
import { caseIdsKey, versionIdKey, workflowIdKey } from '../search-attributes.ts';
import { failureOf, iterationStepId, scopeOf, StepFailed, type StepExecutor, type StepOf } from './step-context.ts';

type Step = StepOf<'flow.run-workflow'>;

/** Why a child run failed, in one line: its own error when it ran, else the failure's. */
function childFailure(runId: string, error: ChildWorkflowFailure): string {
  const cause = error.cause;
  const reason = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : error.message;
  return `child run ${runId} ${isCancellation(error) ? 'was canceled' : 'failed'}: ${reason}`;
}

/** Records the child run (an activity: the store), then starts the interpreter on its plan as a child workflow. */
async function startChildRun(
  id: string,
  step: Step,
  input: RunInput,
  call: { childInput: unknown; callers: string[]; nodeId: string },
) {
  const { prepareChildRun } = proxyActivities<RunActivities>({
    startToCloseTimeout: '30 seconds',
    retry: retryPolicy(step.params.retry),
    summary: `${step.label || step.kind}: record the child run`,
  });
  const child = await prepareChildRun({
    parentRunId: input.runId,
    nodeId: call.nodeId,
    startedAt: Date.now(),
    workflowId: step.params['workflow-id'],
    input: call.childInput,
  });
  const wait = step.params['wait-for-result'];
  const handle = await startChild<typeof runPlan>('runPlan', {
    workflowId: child.runId,
    args: [
      {
        runId: child.runId,
        workflowId: child.workflowId,
        versionId: child.versionId,
        plan: child.plan,
        trigger: child.trigger,
        callers: call.callers,
        // The parent's, not this release's: a parent replaying its history must ask for the same child.
        ...(input.changes === undefined ? {} : { changes: input.changes }),
      },
    ],
    // Waited for: canceling the parent cancels the child (which records it). Fire and forget: it runs on its own.
    parentClosePolicy: wait ? ParentClosePolicy.REQUEST_CANCEL : ParentClosePolicy.ABANDON,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: workflowIdKey, value: child.workflowId },
      { key: versionIdKey, value: child.versionId },
      { key: caseIdsKey, value: [] },
    ],
    staticSummary: `Workflow ${child.workflowId} v${child.versionNumber} (called by ${input.runId})`,
  });
  return { child, handle };
}

/**
 * `flow.run-workflow` (docs/architecture.md, "Sub-workflows"): runs another workflow's live version as a Temporal child
 * workflow of this run. Its output names the child run; waited for, also its status and cases. Calls nest at most
 * `MAX_WORKFLOW_CALL_DEPTH` deep, so workflows calling each other in a circle stop with an error.
 */
export const runWorkflowStep: StepExecutor<'flow.run-workflow'> = {
  milestone: true,
  async run(id, step, context) {
    const { input, run, record } = context;
    const wait = step.params['wait-for-result'];
    run.start(id, wait);
    if (wait) await record();
    let runId: string | null = null;
    try {
      const callers = [...(input.callers ?? []), input.workflowId];
      if (callers.length > MAX_WORKFLOW_CALL_DEPTH) {
        const chain = [...callers, step.params['workflow-id']].join(' → ');
        throw new Error(`workflow calls nest deeper than ${MAX_WORKFLOW_CALL_DEPTH} (${chain})`);
      }
      const scope = scopeOf(context);
      const now = evaluateValueNow(step.params.input, scope);
      const childInput = now.handled ? now.value : await evaluateValue(step.params.input, scope);
      const nodeId = iterationStepId(id, context);
      const { child, handle } = await startChildRun(id, step, input, { childInput, callers, nodeId });
      runId = child.runId;
      const named = {
        'run-id': child.runId,
        'workflow-id': child.workflowId,
        'version-id': child.versionId,
        'version-number': child.versionNumber,
      };
      if (!wait) {
        run.complete(id, { ...named, status: 'started', 'case-ids': [], error: null });
        return nextOf(step, 'next');
      }
      const outcome: RunOutcome = await handle.result();
      run.complete(id, { ...named, status: 'completed', 'case-ids': outcome.caseIds, error: null });
      return nextOf(step, 'next');
    } catch (error) {
      // This run canceled: the child is canceled with it (REQUEST_CANCEL); the run records its own cancellation.
      if (isCancellation(error) && CancellationScope.current().consideredCancelled) throw error;
      const message =
        error instanceof ChildWorkflowFailure && runId !== null ? childFailure(runId, error) : failureOf(error).message;
      const attempts =
        error instanceof ChildWorkflowFailure ? 1 : failureOf(error, step.params.retry['max-attempts']).attempts;
      run.fail(
        id,
        message,
        attempts,
        {
          'run-id': runId,
          'workflow-id': step.params['workflow-id'],
          status: 'errored',
          'case-ids': [],
          error: message,
        },
        true,
      );
      if (!step.params['continue-on-error']) throw new StepFailed(id, message);
      return nextOf(step, 'next');
    }
  },
};
