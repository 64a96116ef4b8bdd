import type { FastifyBaseLogger } from 'fastify';
import { idAt } from '../platform/ids.ts';
import type { EventDocument } from './case-collections.ts';
import type { EventRepository } from './event-repository.ts';

export type EventListener = (event: EventDocument) => void;

// One poll of the events collection per api process, however many clients stream (the embedded store has no change
// streams). Event ids sort by creation time, but an event is stored a moment after its id is made, possibly by
// another process; each poll therefore looks back LOOK_BACK_MS and skips the ids it already delivered.
// On the embedded store a range read on `_id` scans the collection (measured: 90–110 ms at 100,000 events), so it
// runs once a second, and only while someone listens; MongoDB answers it from the `_id` index.
const POLL_MS = 1_000;
const LOOK_BACK_MS = 3_000;
const BATCH = 1_000;

/**
 * Live case events for `GET /events/stream` (docs/architecture.md, "Live events"): subscribers get every event stored
 * after they subscribed, once each, within about a second. The poller runs only while someone listens.
 */
export function createEventFeed(deps: {
  events: EventRepository;
  log: FastifyBaseLogger;
  pollMs?: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const pollMs = deps.pollMs ?? POLL_MS;
  const listeners = new Set<EventListener>();
  /** Ids delivered within the look-back window, with their creation time. */
  const delivered = new Map<string, number>();
  let startedAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const from = Math.max(startedAt, now() - LOOK_BACK_MS);
      const fresh = (await deps.events.after(idAt('event', from), BATCH)).filter((event) => !delivered.has(event._id));
      for (const event of fresh) {
        delivered.set(event._id, event.createdAt.getTime());
        for (const listener of listeners) listener(event);
      }
      for (const [id, at] of delivered) if (at < from - LOOK_BACK_MS) delivered.delete(id);
    } catch (error) {
      deps.log.warn({ err: error }, 'polling events for live streams failed; trying again');
    } finally {
      polling = false;
    }
  }

  return {
    /** Calls `listener` with each new event until the returned function is called. */
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      if (!timer) {
        startedAt = now();
        delivered.clear();
        timer = setInterval(() => void poll(), pollMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    stop(): void {
      listeners.clear();
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
