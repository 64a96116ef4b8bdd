import type { RunEventName } from '@casework/shared';
import type { Actor } from '../db/case-collections.ts';
import type { Claims } from '../db/claims.ts';
import type { EventRepository } from '../db/event-repository.ts';
import type { Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';

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
