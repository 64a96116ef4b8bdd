import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { SystemCheckResource } from '@casework/shared';
import type { SystemCheckDocument } from '../db/platform-collections.ts';
import type { SystemCheckRepository } from './system-check-repository.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { temporalUiUrl } from '../../temporal/temporal-ui.ts';
import type { systemCheck } from '../../temporal/workflows/system-check.workflow.ts';

export interface SystemCheckServiceDeps {
  systemChecks: SystemCheckRepository;
  temporal: { client: Client; namespace: string; taskQueue: string; uiUrl: string };
  clock: Clock;
}

export function createSystemCheckService(deps: SystemCheckServiceDeps) {
  const toResource = (check: SystemCheckDocument): SystemCheckResource => ({
    type: 'system-check',
    id: check._id,
    attributes: {
      status: check.status,
      'delay-seconds': check.delaySeconds,
      'created-at': check.createdAt.toISOString(),
      'completed-at': check.completedAt?.toISOString() ?? null,
      'activity-executions': check.activityExecutions,
      'workflow-id': check.workflowId,
      'temporal-ui-url': temporalUiUrl(
        deps.temporal.uiUrl,
        deps.temporal.namespace,
        check.workflowId,
        check.temporalRunId,
      ),
    },
  });

  return {
    /** Records the check, then starts its workflow (workflow id = check id, so a retry cannot start a second). */
    async start(delaySeconds: number): Promise<SystemCheckResource> {
      const id = newId('systemCheck');
      const check: SystemCheckDocument = {
        _id: id,
        status: 'pending',
        delaySeconds,
        createdAt: deps.clock(),
        activityExecutions: 0,
        workflowId: id,
        temporalRunId: null,
      };
      await deps.systemChecks.insert(check);
      const handle = await deps.temporal.client.workflow.start<typeof systemCheck>('systemCheck', {
        taskQueue: deps.temporal.taskQueue,
        workflowId: id,
        args: [{ checkId: id, delaySeconds }],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      await deps.systemChecks.setTemporalRunId(id, handle.firstExecutionRunId);
      return toResource({ ...check, temporalRunId: handle.firstExecutionRunId });
    },

    async get(id: string): Promise<SystemCheckResource> {
      const check = await deps.systemChecks.findById(id);
      if (!check) throw new NotFoundError(`No system check with id ${id}.`);
      return toResource(check);
    },
  };
}

export type SystemCheckService = ReturnType<typeof createSystemCheckService>;
