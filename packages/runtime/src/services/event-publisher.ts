import type { CaseRevisionDocument } from '../db/case-collections.ts';
import type { CaseRepository } from '../db/case-repository.ts';
import type { EventRepository } from '../db/event-repository.ts';
import type { WarnLogger } from './case-writer.ts';

/** Told of each revision whose events were just stored (workflow waits and event triggers); must be idempotent. */
export type PublishedListener = (revision: CaseRevisionDocument) => Promise<void>;

/**
 * Copies a committed revision's events into the `events` collection, tells the listener, then marks the revision
 * published. Idempotent by event id: a publish retried after a crash, or raced by the sweeper, stores each event
 * once. A listener failure (Temporal unreachable) leaves the revision unpublished for the sweeper to retry, without
 * failing the write that committed it.
 */
export function createEventPublisher(deps: {
  cases: CaseRepository;
  events: EventRepository;
  log: WarnLogger;
  onPublished?: PublishedListener | undefined;
}) {
  async function publish(revision: CaseRevisionDocument): Promise<void> {
    if (revision.published) return;
    await deps.events.insertOnce(revision.events);
    if (deps.onPublished) {
      try {
        await deps.onPublished(revision);
      } catch (error) {
        deps.log.warn({ err: error, caseId: revision.caseId }, 'could not hand case events to workflows; will retry');
        return;
      }
    }
    await deps.cases.markPublished(revision._id);
  }

  return {
    publish,
    /** Publishes what earlier writes of a case left behind (a crash between commit and publish). */
    async publishPending({ caseId, limit = 100 }: { caseId: string; limit?: number }): Promise<number> {
      const pending = await deps.cases.unpublished(limit, caseId);
      for (const revision of pending) await publish(revision);
      return pending.length;
    },
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
