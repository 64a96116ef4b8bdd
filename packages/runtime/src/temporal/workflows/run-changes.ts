import type { RunInput } from '@casework/shared';
import { patched } from '@temporalio/workflow';

/**
 * The interpreter changes a run starts with. Each change made while runs were in flight sits behind a patch marker
 * (`patched(id)`), so the histories of runs from before replay the old way; but every marker also costs the run a
 * search-attribute upsert (Temporal's `TemporalChangeVersion`), which is one more visibility write in the Temporal
 * server. A run started with `changes` at 1 or more takes the changes below without their markers: its input says
 * which code it runs, and an input never changes across replay. Bump it when a later change's marker goes the same
 * way. (Workers older than the bump cannot replay such runs: a rollback past it is not supported.)
 *
 * 1: `record-milestones-only`, `local-steps`, `wait-opens-with-record`.
 */
export const RUN_CHANGES = 1;

/** Whether the run takes the change behind patch `id`, one of those `RUN_CHANGES` covers. */
export const takesChange = (input: RunInput, id: string): boolean => (input.changes ?? 0) >= 1 || patched(id);
