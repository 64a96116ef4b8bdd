import type { CaseDocument, CaseEventDocument, StoredCaseDocument } from './case-collections.ts';
import type { CaseRepository } from './case-repository.ts';
import type { EventRepository } from './event-repository.ts';
import type { SlaScheduler } from './sla-scheduler.ts';

/** The one logging call services make (adapted from pino's or Temporal's logger). */
export interface WarnLogger {
  warn(details: object, message: string): void;
}

/** Told of the events a write recorded (workflow waits and event triggers); must be idempotent. */
export type PublishedListener = (kase: StoredCaseDocument, events: CaseEventDocument[]) => Promise<void>;

/** Whether a case should have a running SLA timer. */
export const slaTimerWanted = (kase: CaseDocument) =>
  kase.slaExpiresAt !== null && kase.resolvedAt === null && kase.slaExpiredAt === null && kase.redactedAt === null;

export const slaState = (kase: CaseDocument) => `${kase.slaExpiresAt?.getTime() ?? ''}|${slaTimerWanted(kase)}`;

const SLA_SYNC_ROUNDS = 8;
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

/**
 * Finishes a case write after its commit: stores the outbox's events (idempotent by event id), tells the listener,
 * brings the SLA timer in line, then clears the outbox at the version it handled. Safe to run twice or concurrently
 * (a writer and the sweeper): every step is idempotent. A failure (Temporal unreachable) leaves the case dirty; it
 * is retried here a few times, and by the sweeper after that or after a crash.
 */
export function createEventPublisher(deps: {
  cases: CaseRepository;
  events: EventRepository;
  slaTimers: SlaScheduler;
  log: WarnLogger;
  onPublished?: PublishedListener | undefined;
}) {
  /**
   * Makes Temporal's timer match the case's latest state. Concurrent writes sync concurrently and the timer keeps
   * whichever message reaches Temporal last: so after telling it, re-read, and tell it again if the case changed.
   */
  async function syncSlaTimer(kase: StoredCaseDocument): Promise<void> {
    let told: string | null = null;
    let latest: CaseDocument = kase;
    for (let round = 0; round < SLA_SYNC_ROUNDS; round++) {
      const state = slaState(latest);
      if (state === told) return;
      if (slaTimerWanted(latest) && latest.slaExpiresAt) await deps.slaTimers.schedule(latest._id, latest.slaExpiresAt);
      else await deps.slaTimers.cancel(latest._id);
      told = state;
      latest = (await deps.cases.findById(kase._id)) ?? latest;
    }
    throw new Error('the SLA kept changing while its timer was synced');
  }

  async function publishEvents(kase: StoredCaseDocument): Promise<void> {
    if (kase.outbox.length === 0) return;
    await deps.events.insertOnce(kase.outbox);
    await deps.onPublished?.(kase, kase.outbox);
  }

  async function finish(kase: StoredCaseDocument): Promise<boolean> {
    if (!kase.dirty) return true;
    try {
      // The events and the SLA timer do not depend on each other, and each step is idempotent: do both at once.
      await Promise.all([publishEvents(kase), kase.slaSync !== null ? syncSlaTimer(kase) : undefined]);
      await deps.cases.markFinished(kase._id, kase.version);
      return true;
    } catch (error) {
      deps.log.warn({ err: error, caseId: kase._id }, 'could not publish case events or sync its SLA; will retry');
      return false;
    }
  }

  /** Retries a case a failure left dirty, a few times in this process; the sweeper covers the rest. */
  function retryLater(caseId: string, attempt = 0): void {
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return;
    setTimeout(() => {
      void (async () => {
        const kase = await deps.cases.findById(caseId).catch(() => null);
        if (kase?.dirty && !(await finish(kase))) retryLater(caseId, attempt + 1);
      })();
    }, delay).unref();
  }

  return {
    /** Publishes what the write that produced `kase` left to do; failures are retried later, never thrown. */
    async afterWrite(kase: StoredCaseDocument): Promise<void> {
      if (!(await finish(kase))) retryLater(kase._id);
    },

    /** Finishes every case a crash or an outage left dirty (up to `limit`); returns how many it found. */
    async sweep(limit = 100): Promise<number> {
      const dirty = await deps.cases.dirty(limit);
      for (const kase of dirty) await finish(kase);
      return dirty.length;
    },
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
