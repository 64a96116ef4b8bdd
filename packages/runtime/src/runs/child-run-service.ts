import { validateTriggerPayload, type Plan } from '@casework/shared';
import { derivedId } from '../platform/ids.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../platform/errors.ts';
import type { WorkflowService } from '../workflows/workflow-service.ts';
import { runnableChoice, runnableVersion } from './run-domain.ts';
import type { RunnableVersion, WorkflowRunService } from './workflow-run-service.ts';

/** What a `flow.run-workflow` step asks for: its run and node, the workflow to run, the evaluated input. */
export interface ChildRunRequest {
  parentRunId: string;
  /** The calling step; in a loop's body with its iteration (`node#index`), so each iteration starts its own child. */
  nodeId: string;
  /** When the step started (workflow time, ms): the child's id sorts by it among runs. */
  startedAt: number;
  workflowId: string;
  input: unknown;
}

/** The child run as recorded, and what its workflow starts with. */
export interface ChildRun {
  runId: string;
  workflowId: string;
  versionId: string;
  versionNumber: number;
  plan: Plan;
  /** The validated trigger payload. */
  trigger: Record<string, unknown>;
}

/** Errors that a retry cannot fix: the workflow is gone, archived or unpublished, or the input does not fit it. */
export const isPermanentChildError = (error: unknown) =>
  error instanceof NotFoundError || error instanceof ConflictError || error instanceof UnprocessableError;

/** `input.amount: must be a number` for each problem of the payload. */
function payloadProblems(issues: { pointer: string; message: string }[]): string {
  return issues
    .map((issue) => `${issue.pointer.replace('/data/attributes/fields/', 'input.')}: ${issue.message}`)
    .join('; ');
}

/**
 * The run a `flow.run-workflow` step starts (docs/architecture.md, "Sub-workflows"): the target's live version
 * (resolved when the step runs; during a rollout picked by the child's run id like any run), its input checked
 * like an API trigger's payload, its record written before the parent starts it as a Temporal child workflow.
 * Idempotent: the child's id is derived from the parent run and calling step, and a repeat finds the record written
 * first.
 */
export function createChildRunService(deps: { workflows: WorkflowService; runService: WorkflowRunService }) {
  const payloadFor = (workflowId: string, version: RunnableVersion, input: unknown): Record<string, unknown> => {
    const trigger = version.plan.steps[version.plan.trigger];
    if (trigger?.kind !== 'trigger.api') {
      throw new ConflictError(`Workflow ${workflowId} starts on case events: it cannot be run by another workflow.`);
    }
    const fields = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    const payload = validateTriggerPayload(trigger.params.fields, fields);
    if (!payload.ok) {
      throw new UnprocessableError(`the input does not fit workflow ${workflowId}: ${payloadProblems(payload.issues)}`);
    }
    return payload.values;
  };

  return {
    async prepare(request: ChildRunRequest): Promise<ChildRun> {
      const runId = derivedId('workflowRun', request.startedAt, `child:${request.parentRunId}:${request.nodeId}`);
      const choice = runnableChoice(await deps.workflows.liveVersion(request.workflowId));
      const run = await deps.runService.recordChild(runId, {
        ...choice,
        input: request.input,
        inputFor: (version) => payloadFor(request.workflowId, version, request.input),
        trigger: { kind: 'workflow', parentRunId: request.parentRunId, parentNodeId: request.nodeId },
        creator: { type: 'workflow-run', id: request.parentRunId },
      });
      // A repeat after the live version moved on runs what the record says.
      const version =
        run.versionId === choice.version.versionId
          ? choice.version
          : run.versionId === choice.rollout?.previous.versionId
            ? choice.rollout.previous
            : runnableVersion(await deps.workflows.getVersion(run.versionId));
      return {
        runId,
        workflowId: version.workflowId,
        versionId: version.versionId,
        versionNumber: version.versionNumber,
        plan: version.plan,
        trigger: run.input as Record<string, unknown>,
      };
    },
  };
}

export type ChildRunService = ReturnType<typeof createChildRunService>;
