import type { RunEventName } from '@casework/shared';
import type { Actor } from '../cases/case-collections.ts';
import type { Claims } from '../platform/db/claims.ts';
import type { EventRepository } from '../cases/event-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

/**
 * Records `workflow-run.*` events, once per run and name however often a step is retried: the event carries its key
 * (`dedupeKey`, unique), so a repeat's insert is refused. An event whose id was claimed before events kept their key
 * gets that id again, unless the caller knows no earlier try can have recorded it (`firstTry`: the run's record was
 * written just now, and earlier tries record the event only after writing it).
 */
export function createRunEvents(deps: { events: EventRepository; claims: Claims; clock: Clock }) {
  return {
    async record(
      runId: string,
      name: RunEventName,
      payload: Record<string, unknown>,
      actor: Actor | null = null,
      { firstTry = false } = {},
    ) {
      const dedupeKey = `run-event:${runId}:${name}`;
      const id = (firstTry ? null : await deps.claims.valueOf(dedupeKey)) ?? newId('event');
      await deps.events.insertOnce([
        { _id: id, dedupeKey, name, caseId: null, runId, createdAt: deps.clock(), actor, payload },
      ]);
    },
  };
}

export type RunEvents = ReturnType<typeof createRunEvents>;
