import type { RunInput } from '@casework/shared';
import { patched } from '@temporalio/workflow';

/**
 * The interpreter changes a run starts with. Each change made while runs were in flight sits behind a patch marker
 * (`patched(id)`), so the histories of runs from before replay the old way; but every marker also costs the run a
 * search-attribute upsert (Temporal's `TemporalChangeVersion`), which is one more visibility write in the Temporal
 * server. A run started with `changes` takes every change `changeSince` puts at that number or below without its
 * marker: its input says which code it runs, and an input never changes across replay. Bump it when a later change's
 * marker goes the same way. (Workers older than the bump cannot replay such runs: a rollback past it is not
 * supported.)
 */
export const RUN_CHANGES = 1;

/** Each patch a run may take without its marker, and the `changes` from which it does. */
const changeSince = {
  'record-milestones-only': 1,
  'local-steps': 1,
  'wait-opens-with-record': 1,
} as const satisfies Record<string, number>;

/** Whether the run takes the change behind patch `id`: by its input if it started with it, else by the marker. */
export const takesChange = (input: RunInput, id: keyof typeof changeSince): boolean =>
  (input.changes ?? 0) >= changeSince[id] || patched(id);
