import { ApplicationFailure, Context } from '@temporalio/activity';
import { runHttpStep, HttpStepError, type HttpStepDeps, type HttpStepOutput } from '../../http/http-request.ts';
import type { StepFailureDetails } from './run.activities.ts';

export interface HttpStepRequest {
  runId: string;
  nodeId: string;
  /** The step's params with their expressions evaluated (by the interpreter). */
  params: Record<string, unknown>;
}

/**
 * `http.request` steps: one attempt per activity attempt, so Temporal's retry policy (the node's `retry`) spaces
 * the attempts and survives worker restarts; what `retry-on` does not name fails at once (non-retryable).
 */
export function createHttpActivities(deps: HttpStepDeps) {
  return {
    async runHttpStep(request: HttpStepRequest): Promise<{ output: HttpStepOutput; attempt: number }> {
      const { attempt } = Context.current().info;
      try {
        return { output: await runHttpStep(request.params, deps), attempt };
      } catch (error) {
        const details: StepFailureDetails = { attempt };
        const known = error instanceof HttpStepError;
        throw ApplicationFailure.create({
          message: error instanceof Error ? error.message : String(error),
          type: known ? 'HttpStepError' : 'Error',
          nonRetryable: known ? !error.retryable : false,
          ...(known && error.retryAfterMs !== undefined ? { nextRetryDelay: error.retryAfterMs } : {}),
          details: [details],
        });
      }
    },
  };
}

export type HttpActivities = ReturnType<typeof createHttpActivities>;
