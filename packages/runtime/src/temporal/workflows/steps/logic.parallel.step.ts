import { CancellationScope, isCancellation } from '@temporalio/workflow';
import { nextOf } from '../run-steps.ts';
import { failureOf, StepFailed, type StepExecutor } from './step-context.ts';

/**
 * `logic.parallel`: walks every branch at once (Promise.allSettled over branch walkers, deterministic workflow code)
 * until each reaches the join, then goes on after the join. A step that fails without continue-on-error fails its
 * branch: the other branches are canceled (their running steps end errored, saying so) and the run fails with that
 * step's error. Branches never continue as new: a parallel runs in one history (docs/architecture.md, "Parallel
 * branches").
 */
export const parallelStep: StepExecutor<'logic.parallel'> = {
  async run(id, step, { run, input, walkBranch }) {
    const { plan } = input;
    run.start(id);
    const branches = step.params.branches.map((branch) => ({
      id: branch.id,
      head: nextOf(step, branch.id),
      visited: [] as string[],
    }));
    const scope = new CancellationScope();
    let failed: string | null = null;
    let arrived = false;
    const settled = await scope.run(() =>
      Promise.allSettled(
        branches.map(async (branch) => {
          try {
            if (branch.head === null) throw new StepFailed(id, `branch "${branch.id}" leads nowhere`);
            const join = await walkBranch(branch.head, branch.visited);
            if (join !== null && !arrived) run.start(join); // the join runs from the first arrival to the last
            arrived = true;
            return join;
          } catch (error) {
            if (failed === null && !isCancellation(error)) {
              failed = branch.id;
              scope.cancel();
            }
            throw error;
          }
        }),
      ),
    );
    const rejected = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    const joins = new Set(settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
    const [join] = joins;
    if (rejected.length > 0) {
      const reason = failed === null ? 'canceled' : `canceled: branch "${failed}" failed`;
      for (const branch of branches) branch.visited.forEach((visited) => run.abandon(visited, reason));
      if (join !== undefined && join !== null) run.abandon(join, reason);
      const cause = rejected.find((error) => !isCancellation(error)) ?? rejected[0];
      if (isCancellation(cause)) throw cause;
      run.fail(id, `branch "${failed ?? '?'}" failed: ${failureOf(cause).message}`, 1);
      throw cause;
    }
    if (joins.size !== 1 || join === undefined || join === null || !plan.steps[join]) {
      throw new StepFailed(id, 'the branches did not meet at one join');
    }
    run.complete(id, { branches: branches.map((branch) => branch.id) });
    run.complete(join, null);
    return plan.steps[join].next.next ?? null;
  },
};
