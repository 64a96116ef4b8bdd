import { evaluateValue, evaluateValueNow } from '@casework/shared/workflow';
import { isCancellation } from '@temporalio/workflow';
import { durationMs, nextOf, operationParams, retryPolicy } from '../run-steps.ts';
import { failureOf, scopeOf, StepFailed, type StepExecutor } from './step-context.ts';

/** Time an attempt may take beyond the request's own timeout (reading the secret, reporting back). */
const ATTEMPT_MARGIN_MS = 15_000;

/**
 * `http.request`: evaluate the step's expressions here, then the `runHttpStep` activity sends the request
 * (packages/runtime/src/http/). Each retry of the node's `retry` policy is one activity attempt; the output is the
 * answer's status, headers and parsed body.
 */
export const httpRequestStep: StepExecutor<'http.request'> = {
  async run(id, step, context) {
    const { input, run, activities } = context;
    const scope = scopeOf(context);
    run.start(id);
    try {
      const raw = operationParams(step.params);
      const now = evaluateValueNow(raw, scope);
      const params = (now.handled ? now.value : await evaluateValue(raw, scope)) as Record<string, unknown>;
      const runHttpStep = activities.runHttpStep({
        retry: retryPolicy(step.params.retry),
        summary: step.label || step.kind,
        startToCloseMs: durationMs(step.params.timeout) + ATTEMPT_MARGIN_MS,
      });
      const result = await runHttpStep({ runId: input.runId, nodeId: id, params });
      run.complete(id, result.output, result.attempt);
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
