import type { Plan } from '@casework/shared';
import { evaluateValue, evaluateValueNow, forEachMaxItems } from '@casework/shared/workflow';
import { isCancellation } from '@temporalio/workflow';
import { nextOf } from '../run-steps.ts';
import type { RunTracker } from '../run-tracker.ts';
import { failureOf, scopeOf, StepFailed, type RunContext, type StepExecutor } from './step-context.ts';

/** Past this much JSON an iteration's `result` fails the iteration: 1,000 of them stay about a megabyte. */
const MAX_RESULT_CHARS = 1_000;

/**
 * `logic.for-each`: walks its body once per item, `concurrency` iterations at a time (deterministic workflow code:
 * workers take the next index in turn), each with `item` and `index` in scope and its own view of the body's outputs,
 * then goes on after the body's join with `{ count, done, failed, results }`. Body steps show their latest iteration;
 * the loop's step carries the counts. An iteration fails when one of its steps errored (with continue-on-error it goes
 * on and is counted); a step error without it stops starting iterations, lets running ones finish and fails the run.
 * A loop runs in one history, never continuing as new mid-loop: at most `forEachMaxItems` items bound it.
 */
export const forEachStep: StepExecutor<'logic.for-each'> = {
  async run(id, step, context) {
    const { run, input, walkBranch } = context;
    run.start(id);
    const head = nextOf(step, 'body');
    const join = head === null ? null : joinOf(input.plan, head);
    const items = await itemsOf(id, step.params.items, context);
    if (head === null || join === null) throw failStep(run, id, 'the body does not reach a join');
    const counts = { total: items.length, done: 0, failed: 0 };
    const results: unknown[] = items.map(() => null);
    run.progress(id, counts);
    // The first iteration to fail (a step error without continue-on-error); set by the workers below.
    const first: { failure: { index: number; error: unknown } | null } = { failure: null };
    let taken = 0;
    const worker = async () => {
      while (first.failure === null && taken < items.length) {
        const index = taken++;
        const iteration = iterationOf(context, { item: items[index], index });
        try {
          const reached = await walkBranch(head, [], iteration.context);
          if (reached !== join) throw new StepFailed(id, 'the body did not reach its join');
          if (step.params.result !== undefined && !iteration.failed()) {
            results[index] = await resultOf(step.params.result, iteration.context);
          }
          if (iteration.failed()) counts.failed += 1;
        } catch (error) {
          counts.failed += 1;
          first.failure ??= { index, error };
        }
        counts.done += 1;
        run.progress(id, counts);
      }
    };
    if (items.length > 0) run.start(join);
    await Promise.all(Array.from({ length: Math.min(step.params.concurrency, items.length) }, worker));
    const failed = first.failure;
    if (failed !== null) {
      run.abandon(join, `canceled: iteration ${failed.index} failed`);
      if (isCancellation(failed.error)) throw failed.error;
      run.fail(id, `iteration ${failed.index} failed: ${failureOf(failed.error).message}`, 1);
      throw failed.error;
    }
    run.complete(id, { count: counts.total, done: counts.done, failed: counts.failed, results });
    run.complete(join, null);
    return nextOf(input.plan.steps[join] ?? step, 'next');
  },
};

function failStep(run: RunTracker, id: string, message: string): StepFailed {
  run.fail(id, message, 1);
  return new StepFailed(id, message);
}

/** The loop's items: its expression must give a list of at most `forEachMaxItems`. */
async function itemsOf(id: string, items: string, context: RunContext): Promise<unknown[]> {
  let value: unknown;
  try {
    const now = evaluateValueNow(items, scopeOf(context));
    value = now.handled ? now.value : await evaluateValue(items, scopeOf(context));
  } catch (error) {
    throw failStep(context.run, id, `items: ${failureOf(error).message}`);
  }
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw failStep(context.run, id, `items must be a list, not ${typeof value}`);
  if (value.length > forEachMaxItems) {
    throw failStep(context.run, id, `${value.length} items; a For each runs at most ${forEachMaxItems}`);
  }
  return value;
}

/** The end of the body: the first join on a path from its head (compile allows no other region inside a body). */
function joinOf(plan: Plan, head: string): string | null {
  const seen = new Set<string>();
  for (const stack = [head]; stack.length > 0;) {
    const at = stack.pop() ?? '';
    const step = plan.steps[at];
    if (seen.has(at) || !step) continue;
    if (step.kind === 'logic.join') return at;
    seen.add(at);
    for (const target of Object.values(step.next)) if (target !== null) stack.push(target);
  }
  return null;
}

/**
 * An iteration's context: its item and index, and a view of the outputs in which the body's steps are this
 * iteration's (concurrent iterations never read each other's), noting whether any of its steps failed.
 */
function iterationOf(context: RunContext, loop: { item: unknown; index: number }) {
  const { run } = context;
  const outputs: Record<string, unknown> = { ...run.outputs };
  let failed = false;
  const tracker: RunTracker = Object.assign(Object.create(run) as RunTracker, {
    outputs,
    complete(id: string, output: unknown, attempts?: number) {
      outputs[id] = output;
      run.complete(id, output, attempts);
    },
    fail(id: string, message: string, attempts: number, output?: unknown) {
      if (output !== undefined) outputs[id] = output;
      failed = true;
      run.fail(id, message, attempts, output);
    },
  });
  return { context: { ...context, run: tracker, loop }, failed: () => failed };
}

/** The iteration's `result`, evaluated at the end of its body; too large a result fails the loop. */
async function resultOf(source: string, context: RunContext): Promise<unknown> {
  const now = evaluateValueNow(source, scopeOf(context));
  const value = now.handled ? now.value : await evaluateValue(source, scopeOf(context));
  const json = JSON.stringify(value ?? null);
  if (json.length > MAX_RESULT_CHARS) {
    throw new Error(
      `result of iteration ${context.loop?.index ?? '?'} is ${json.length} characters; at most ${MAX_RESULT_CHARS}`,
    );
  }
  return value ?? null;
}
