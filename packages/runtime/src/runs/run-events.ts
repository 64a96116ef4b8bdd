import type { RunEventName } from '@casework/shared';
import type { Actor } from '../cases/case-collections.ts';
import type { Claims } from '../platform/db/claims.ts';
import type { EventRepository } from '../cases/event-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';

/** Records `workflow-run.*` events, once per run and name however often a step is retried. */
export function createRunEvents(deps: { events: EventRepository; claims: Claims; clock: Clock }) {
  return {
    async record(runId: string, name: RunEventName, payload: Record<string, unknown>, actor: Actor | null = null) {
      const { value: id } = await deps.claims.claimOnce(`run-event:${runId}:${name}`, () => newId('event'));
      await deps.events.insertOnce([{ _id: id, name, caseId: null, runId, createdAt: deps.clock(), actor, payload }]);
    },
  };
}

export type RunEvents = ReturnType<typeof createRunEvents>;
