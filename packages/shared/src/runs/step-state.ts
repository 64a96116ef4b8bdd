import type { StepState } from './run-state.ts';

// Free of zod on purpose: the workflow sandbox evaluates the modules it imports again for every run it starts, so
// what the interpreter imports (through src/workflow.ts) must stay small.

/** Every step of a plan, pending, in the plan's order. */
export const pendingSteps = (nodeIds: readonly string[]): StepState[] =>
  nodeIds.map((id) => ({
    'node-id': id,
    status: 'pending',
    'started-at': null,
    'completed-at': null,
    attempts: 0,
    output: null,
    error: null,
  }));

export const MAX_OUTPUT_CHARS = 4_000;

/** A step output small enough to store and show: past `maxChars` of JSON, a truncated preview instead. */
export function trimOutput(value: unknown, maxChars = MAX_OUTPUT_CHARS): unknown {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  if (json.length <= maxChars) return value;
  return { truncated: true, preview: json.slice(0, maxChars) };
}
