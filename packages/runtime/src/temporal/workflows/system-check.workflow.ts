import { log, proxyActivities, sleep } from '@temporalio/workflow';
import type { SystemCheckActivities } from '../activities/system-check.activities.ts';

export interface SystemCheckInput {
  checkId: string;
  delaySeconds: number;
}

const { completeSystemCheck } = proxyActivities<SystemCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Waits on a durable timer (it survives worker and server restarts), then records completion in MongoDB. */
export async function systemCheck(input: SystemCheckInput): Promise<{ completedAt: string }> {
  if (input.delaySeconds > 0) {
    log.info('system check waiting on its timer', { delaySeconds: input.delaySeconds });
    await sleep(input.delaySeconds * 1000);
  }
  return completeSystemCheck({ checkId: input.checkId });
}
