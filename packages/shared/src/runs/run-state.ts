import { z } from 'zod';

/** A run's status (docs/architecture.md, "Runs"). Persisted and public: never rename one. */
export const runStatuses = ['in_progress', 'waiting', 'completed', 'errored', 'canceled'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** A step's status in a run. Persisted and public: never rename one. */
export const stepStatuses = ['pending', 'running', 'waiting', 'completed', 'skipped', 'errored'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const isFinalRunStatus = (status: RunStatus) =>
  status === 'completed' || status === 'errored' || status === 'canceled';

/** What the run view shows of one node of the plan. */
export const stepStateSchema = z.object({
  'node-id': z.string(),
  status: z.enum(stepStatuses),
  'started-at': z.string().nullable(),
  'completed-at': z.string().nullable(),
  attempts: z.number().int().min(0),
  /** The step's output, trimmed to a readable size (see `trimOutput`). */
  output: z.unknown(),
  error: z.string().nullable(),
  /** A `logic.for-each`'s progress: items in all, iterations finished and how many of them failed. */
  iterations: z.object({ total: z.number(), done: z.number(), failed: z.number() }).optional(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export { MAX_OUTPUT_CHARS, pendingSteps, trimOutput } from './step-state.ts';
