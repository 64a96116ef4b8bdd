import type { CaseRevisionDocument } from '../db/case-collections.ts';
import type { CaseRepository } from '../db/case-repository.ts';
import type { EventRepository } from '../db/event-repository.ts';

/**
 * Copies a committed revision's events into the `events` collection, then marks the revision published.
 * Idempotent by event id: a publish retried after a crash, or raced by the sweeper, stores each event once.
 */
export function createEventPublisher(deps: { cases: CaseRepository; events: EventRepository }) {
  async function publish(revision: CaseRevisionDocument): Promise<void> {
    if (revision.published) return;
    await deps.events.insertOnce(revision.events);
    await deps.cases.markPublished(revision._id);
  }

  return {
    publish,
    /** Publishes what earlier writes left behind (a crash between commit and publish), of one case or all. */
    async publishPending({ caseId, limit = 100 }: { caseId?: string; limit?: number } = {}): Promise<number> {
      const pending = await deps.cases.unpublished(limit, caseId);
      for (const revision of pending) await publish(revision);
      return pending.length;
    },
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
