import { sleep } from '@temporalio/workflow';
import { durationMs, nextOf } from '../run-steps.ts';
import type { StepExecutor } from './step-context.ts';

/** `wait.duration`: a durable timer. */
export const waitDurationStep: StepExecutor<'wait.duration'> = {
  milestone: true,
  async run(id, step, { run, record }) {
    run.start(id, true);
    await record();
    await sleep(durationMs(step.params.duration), { summary: step.label || 'Wait' });
    run.complete(id, { 'waited-until': new Date(Date.now()).toISOString() });
    return nextOf(step, 'next');
  },
};
