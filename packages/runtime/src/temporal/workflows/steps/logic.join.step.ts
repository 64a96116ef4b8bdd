import { StepFailed, type StepExecutor } from './step-context.ts';

/**
 * `logic.join`: reached only through its parallel (logic.parallel.step.ts) or loop (logic.for-each.step.ts); compile
 * refuses a join without one.
 */
export const joinStep: StepExecutor<'logic.join'> = {
  run: (id) => Promise.reject(new StepFailed(id, 'a Join runs only as the end of its Parallel')),
};
