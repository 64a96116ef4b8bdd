import {
  applyVariableOperation,
  evaluateValue,
  evaluateValueNow,
  variablesTotalProblem,
} from '@casework/shared/workflow';
import { nextOf } from '../run-steps.ts';
import { failureOf, scopeOf, StepFailed, type StepExecutor } from './step-context.ts';

/**
 * `data.set-variables`: applies its operations in order (each value evaluated with the variables as the earlier ones
 * left them), then writes the variables it changed into the run's at once, so a failing operation changes none and a
 * parallel branch's changes to other variables meanwhile stay. Evaluated in the workflow (JSONata is pure); a wrong
 * type or a variable over its size limit is a step error.
 */
export const setVariablesStep: StepExecutor<'data.set-variables'> = {
  async run(id, step, context) {
    const { input, run } = context;
    run.start(id);
    const declarations = new Map((input.plan.variables ?? []).map((declaration) => [declaration.name, declaration]));
    let vars: Record<string, unknown> = { ...run.vars };
    const changed = new Set<string>();
    try {
      for (const [index, operation] of step.params.operations.entries()) {
        const declaration = declarations.get(operation.variable);
        if (!declaration) throw new Error(`operation ${index}: no variable "${operation.variable}" is declared`);
        let value: unknown;
        if ('value' in operation) {
          const scope = { ...scopeOf(context), vars };
          // Without a promise where the fast path answers: in the workflow sandbox every promise costs.
          const now = evaluateValueNow(operation.value, scope);
          value = now.handled ? now.value : await evaluateValue(operation.value, scope);
        }
        const result = applyVariableOperation(declaration, vars[operation.variable], operation.op, value);
        if (!result.ok) throw new Error(`operation ${index}: ${result.message}`);
        const { [operation.variable]: _previous, ...others } = vars;
        vars = result.value === undefined ? others : { ...vars, [operation.variable]: result.value };
        changed.add(operation.variable);
      }
      // The run's variables now (a parallel branch may have changed others while an expression was awaited).
      const kept = Object.entries(run.vars).filter(([name]) => !changed.has(name));
      vars = Object.fromEntries([...kept, ...Object.entries(vars).filter(([name]) => changed.has(name))]);
      const total = variablesTotalProblem(vars);
      if (total) throw new Error(total);
    } catch (error) {
      const { message } = failureOf(error);
      run.fail(id, message, 1);
      throw new StepFailed(id, message);
    }
    run.setVars(vars);
    run.complete(id, {}, 1, { variables: vars });
    return nextOf(step, 'next');
  },
};
