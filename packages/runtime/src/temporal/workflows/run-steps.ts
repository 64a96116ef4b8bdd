import type { NodeParams, PlanStep } from '@casework/shared';
import { durationSeconds, parseTemplate } from '@casework/shared/workflow';

/** Params every action has that steer the run rather than the case operation. */
const RUN_OPTIONS = new Set(['case', 'retry', 'continue-on-error']);

/** The params an action's activity receives (before evaluation): the operation's own parameters. */
export const operationParams = (params: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params).filter(([key]) => !RUN_OPTIONS.has(key)));

/** The JSONata source of a `{{ … }}` condition (compile guarantees the shape). */
export function conditionSource(when: string): string {
  const parsed = parseTemplate(when);
  if (parsed.kind !== 'expression') throw new Error(`"${when}" is not a single {{ … }} expression`);
  return parsed.source;
}

/** The id of the case in a step output that carries one (`{ case: { id } }`), or null. */
export function caseIdOf(output: unknown): string | null {
  if (output === null || typeof output !== 'object') return null;
  const kase = (output as { case?: unknown }).case;
  if (kase === null || typeof kase !== 'object') return null;
  const id = (kase as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

export const durationMs = (duration: { amount: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' }) =>
  durationSeconds(duration) * 1000;

/** Retry policy of an action step: its `retry` option with exponential backoff. */
export function retryPolicy(retry: NodeParams<'case.create'>['retry']) {
  return {
    maximumAttempts: retry['max-attempts'],
    initialInterval: durationMs(retry['initial-interval']),
    backoffCoefficient: 2,
    maximumInterval: Math.max(durationMs(retry['initial-interval']) * 10, 60_000),
  };
}

/** The step a handle leads to; null ends the run. */
export const nextOf = (step: PlanStep, handle: string): string | null => step.next[handle] ?? null;
