import type { CaseDocument, CaseRevisionDocument, EventDocument } from '../db/case-collections.ts';
import type { CaseRepository } from '../db/case-repository.ts';
import type { EventRepository } from '../db/event-repository.ts';

export type EventListener = (event: EventDocument, kase: CaseDocument) => Promise<void>;

/**
 * Copies a committed revision's events into the `events` collection and tells listeners (e.g. event-triggered
 * workflows), then marks the revision published. Idempotent by event id: a publish retried after a crash, or
 * raced by the sweeper, stores each event once; listeners must be idempotent per event id too.
 */
export function createEventPublisher(deps: { cases: CaseRepository; events: EventRepository }) {
  const listeners: EventListener[] = [];

  async function publish(revision: CaseRevisionDocument): Promise<void> {
    if (revision.published) return;
    await deps.events.insertOnce(revision.events);
    for (const listener of listeners) {
      for (const event of revision.events) await listener(event, revision.doc);
    }
    await deps.cases.markPublished(revision._id);
  }

  return {
    publish,
    onEvent(listener: EventListener): void {
      listeners.push(listener);
    },
    /** Publishes what earlier writes left behind (a crash between commit and publish). */
    async publishPending(limit = 100): Promise<number> {
      const pending = await deps.cases.unpublished(limit);
      for (const revision of pending) await publish(revision);
      return pending.length;
    },
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
