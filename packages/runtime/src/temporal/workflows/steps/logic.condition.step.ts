import { evaluateCondition, evaluateConditionNow } from '@casework/shared/workflow';
import { conditionSource, nextOf } from '../run-steps.ts';
import { failureOf, scopeOf, StepFailed, type StepExecutor } from './step-context.ts';

/** `logic.condition`: the first route whose `when` holds, else `else`; evaluated in the workflow (JSONata is pure). */
export const conditionStep: StepExecutor<'logic.condition'> = {
  async run(id, step, context) {
    const { run } = context;
    const scope = scopeOf(context);
    run.start(id);
    try {
      for (const route of step.params.routes) {
        const source = conditionSource(route.when);
        // Without a promise where the fast path answers: in the workflow sandbox every promise costs.
        const now = evaluateConditionNow(source, scope);
        if (now.handled ? now.value : await evaluateCondition(source, scope)) {
          run.complete(id, { route: route.id });
          return nextOf(step, route.id);
        }
      }
    } catch (error) {
      run.fail(id, failureOf(error).message, 1);
      throw new StepFailed(id, failureOf(error).message);
    }
    run.complete(id, { route: 'else' });
    return nextOf(step, 'else');
  },
};
