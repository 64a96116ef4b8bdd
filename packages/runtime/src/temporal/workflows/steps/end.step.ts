import type { StepExecutor } from './step-context.ts';

/** `end`: the run ends here. */
export const endStep: StepExecutor<'end'> = {
  run: (id, _step, { run }) => {
    run.complete(id, null);
    return Promise.resolve(null);
  },
};
