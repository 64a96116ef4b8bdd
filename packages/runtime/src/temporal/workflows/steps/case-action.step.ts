import type { NodeKind } from '@casework/shared';
import { evaluateValue, evaluateValueNow } from '@casework/shared/workflow';
import { isCancellation, patched, upsertSearchAttributes } from '@temporalio/workflow';
import { nextOf, operationParams, retryPolicy } from '../run-steps.ts';
import { caseIdsKey } from '../search-attributes.ts';
import { caseOf, failureOf, iterationStepId, scopeOf, StepFailed, type StepExecutor } from './step-context.ts';

type CaseStepKind = Extract<NodeKind, `case.${string}`>;

/**
 * Every `case.*` kind: evaluate the step's expressions here, then one `runCaseStep` activity, which runs the kind's
 * executor (packages/runtime/src/nodes/) idempotently per (run, node). A new `case.*` kind needs nothing here.
 */
export const caseActionStep: StepExecutor<CaseStepKind> = {
  async run(id, step, context) {
    const { input, run, milestonesOnly, activities, record } = context;
    const scope = scopeOf(context);
    run.start(id);
    // Added after runs were in flight: show the step as running while its activity works (a slow or retrying
    // step), so the run view does not show it pending. Histories without the marker replay without the record.
    if (!milestonesOnly && patched('record-running-case-steps')) {
      await record();
    }
    try {
      const ref: unknown = 'case' in step.params ? step.params.case : null;
      const caseId = ref === null ? null : caseOf(id, ref as { node: string }, run);
      const raw = operationParams(step.params);
      const now = evaluateValueNow(raw, scope);
      const params = (now.handled ? now.value : await evaluateValue(raw, scope)) as Record<string, unknown>;
      const runCaseStep = activities.runCaseStep({
        retry: retryPolicy(step.params.retry),
        summary: step.label || step.kind,
      });
      const nodeId = iterationStepId(id, context);
      const result = await runCaseStep({ runId: input.runId, nodeId, kind: step.kind, params, caseId });
      if (run.touchCase(result.case.id)) upsertSearchAttributes([{ key: caseIdsKey, value: [...run.caseIds] }]);
      run.complete(id, { case: result.case }, result.attempt);
      return nextOf(step, 'next');
    } catch (error) {
      if (isCancellation(error)) throw error;
      const { message, attempts } = failureOf(error, step.params.retry['max-attempts']);
      run.fail(id, message, attempts, { error: message });
      if (!step.params['continue-on-error']) throw new StepFailed(id, message);
      return nextOf(step, 'next');
    }
  },
};
