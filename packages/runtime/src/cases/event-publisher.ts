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
 * How long a published write's outbox stays uncleared, in case the same process writes the case again: that write
 * then clears it in its own update (the case steps of one workflow task come a few ms apart), saving a round trip.
 */
export const CLEAR_DELAY_MS = 200;

/**
 * Finishes a case write after its commit: stores the outbox's events (idempotent by event id), tells the listener,
 * brings the SLA timer in line, then clears the outbox at the version it handled. Safe to run twice or concurrently
 * (a writer and the sweeper): every step is idempotent. A failure (Temporal unreachable) leaves the case dirty; it
 * is retried here a few times, and by the sweeper after that or after a crash.
 *
 * The clear waits `CLEAR_DELAY_MS`: a write of the same case by this process meanwhile (`settled`) starts from the
 * published version without reading it and clears the outbox in its own update, guarded by that version; so does a
 * run's wait registered on the case (`addWait` in case-writer.ts).
 */
export function createEventPublisher(deps: {
  cases: CaseRepository;
  events: EventRepository;
  slaTimers: SlaScheduler;
  log: WarnLogger;
  onPublished?: PublishedListener | undefined;
}) {
  /** Published writes whose outbox is not cleared yet, by case id: the latest version this process wrote. */
  const pending = new Map<string, { kase: StoredCaseDocument; timer: NodeJS.Timeout }>();

  async function tellSlaTimer(kase: CaseDocument): Promise<void> {
    if (slaTimerWanted(kase) && kase.slaExpiresAt) await deps.slaTimers.schedule(kase._id, kase.slaExpiresAt);
    else await deps.slaTimers.cancel(kase._id);
  }

  /**
   * The case moved on after the SLA timer was told `told`. Concurrent writes sync concurrently and the timer keeps
   * whichever message reaches Temporal last: so re-read, and tell it again until the case holds still.
   */
  async function resyncSlaTimer(caseId: string, told: string): Promise<void> {
    for (let round = 0; round < SLA_SYNC_ROUNDS; round++) {
      const latest = await deps.cases.findById(caseId);
      if (!latest || slaState(latest) === told) return;
      await tellSlaTimer(latest);
      told = slaState(latest);
    }
    throw new Error('the SLA kept changing while its timer was synced');
  }

  async function publishEvents(kase: StoredCaseDocument): Promise<void> {
    if (kase.outbox.length === 0) return;
    await deps.events.insertOnce(kase.outbox);
    await deps.onPublished?.(kase, kase.outbox);
  }

  /** Clears what `kase` published; if the case moved on meanwhile and its SLA was told, makes sure it still holds. */
  async function clear(kase: StoredCaseDocument): Promise<boolean> {
    try {
      if (await deps.cases.markFinished(kase._id, kase.version)) return true;
      if (kase.slaSync !== null) await resyncSlaTimer(kase._id, slaState(kase));
      return true;
    } catch (error) {
      deps.log.warn({ err: error, caseId: kase._id }, 'could not finish publishing a case write; will retry');
      return false;
    }
  }

  /**
   * Drops a pending clear that a later version of the case written by this process supersedes: that write either
   * cleared the outbox itself (`settled`) or carries it on, to be published and cleared with its own. If another
   * process wrote in between, the earlier write's SLA message may have reached Temporal after that one's, so the
   * check its clear would have made is made now.
   */
  async function supersede(caseId: string, version: number): Promise<void> {
    const earlier = pending.get(caseId);
    if (!earlier || earlier.kase.version >= version) return;
    clearTimeout(earlier.timer);
    pending.delete(caseId);
    if (earlier.kase.slaSync !== null && version > earlier.kase.version + 1) await clear(earlier.kase);
  }

  async function clearLater(kase: StoredCaseDocument): Promise<boolean> {
    await supersede(kase._id, kase.version);
    const later = pending.get(kase._id);
    if (later && later.kase.version > kase.version) {
      // A later version, published first, clears this outbox with its own. But if this write told the SLA timer,
      // its message may have reached Temporal after the later one's: bring the timer in line now.
      return kase.slaSync === null || clear(kase);
    }
    const timer = setTimeout(() => {
      if (pending.get(kase._id)?.kase === kase) pending.delete(kase._id);
      void clear(kase).then((cleared) => cleared || retryLater(kase._id));
    }, CLEAR_DELAY_MS);
    pending.set(kase._id, { kase, timer });
    return true;
  }

  async function finish(kase: StoredCaseDocument, { now = false } = {}): Promise<boolean> {
    if (!kase.dirty) return true;
    try {
      // The events and the SLA timer do not depend on each other, and each step is idempotent: do both at once.
      await Promise.all([publishEvents(kase), kase.slaSync !== null ? tellSlaTimer(kase) : undefined]);
    } catch (error) {
      deps.log.warn({ err: error, caseId: kase._id }, 'could not publish case events or sync its SLA; will retry');
      return false;
    }
    return now ? clear(kase) : clearLater(kase);
  }

  /** Retries a case a failure left dirty, a few times in this process; the sweeper covers the rest. */
  function retryLater(caseId: string, attempt = 0): void {
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return;
    setTimeout(() => {
      void (async () => {
        const kase = await deps.cases.findById(caseId).catch(() => null);
        if (kase?.dirty && !(await finish(kase, { now: true }))) retryLater(caseId, attempt + 1);
      })();
    }, delay).unref();
  }

  return {
    /** Publishes what the write that produced `kase` left to do; failures are retried later, never thrown. */
    async afterWrite(kase: StoredCaseDocument): Promise<void> {
      await supersede(kase._id, kase.version);
      if (!(await finish(kase))) retryLater(kase._id);
    },

    /**
     * The case as this process last wrote it, published and not yet cleared, if that was under `CLEAR_DELAY_MS`
     * ago. A write guarded by its version may start from it instead of reading the case, and then owns the clear
     * (`replaceOutbox` in case-repository.ts); if the guard fails, the case moved on and the pending clear is moot.
     */
    settled(caseId: string): StoredCaseDocument | undefined {
      return pending.get(caseId)?.kase;
    },

    /** `kase`'s outbox was cleared by another update of this process at its version (`addWait` in case-writer.ts). */
    cleared(kase: StoredCaseDocument): void {
      const entry = pending.get(kase._id);
      if (entry?.kase !== kase) return;
      clearTimeout(entry.timer);
      pending.delete(kase._id);
    },

    /** Finishes every case a crash or an outage left dirty (up to `limit`); returns how many it found. */
    async sweep(limit = 100): Promise<number> {
      const dirty = await deps.cases.dirty(limit);
      for (const kase of dirty) await finish(kase, { now: true });
      return dirty.length;
    },

    /** Clears every pending outbox now (before the process closes its store connection). */
    async flush(): Promise<void> {
      const all = [...pending.values()];
      pending.clear();
      for (const { timer } of all) clearTimeout(timer);
      await Promise.all(all.map(({ kase }) => clear(kase)));
    },
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
