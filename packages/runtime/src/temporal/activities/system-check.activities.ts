import { ApplicationFailure } from '@temporalio/activity';
import type { SystemCheckRepository } from '../../platform/system-checks/system-check-repository.ts';
import type { Clock } from '../../platform/clock.ts';

export function createSystemCheckActivities(deps: { systemChecks: SystemCheckRepository; clock: Clock }) {
  return {
    async completeSystemCheck(input: { checkId: string }): Promise<{ completedAt: string }> {
      const check = await deps.systemChecks.recordCompletion(input.checkId, deps.clock());
      if (!check?.completedAt) {
        throw ApplicationFailure.nonRetryable(`System check ${input.checkId} does not exist`, 'NotFound');
      }
      return { completedAt: check.completedAt.toISOString() };
    },
  };
}

export type SystemCheckActivities = ReturnType<typeof createSystemCheckActivities>;
