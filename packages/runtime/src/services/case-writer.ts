import type { Actor, CaseDocument, CaseRevisionDocument, CaseEventDocument } from '../db/case-collections.ts';
import { newRevision, type CaseRepository } from '../db/case-repository.ts';
import type { Clock } from '../lib/clock.ts';
import { CaseRedactedError, ConflictError, NotFoundError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import type { CaseChange } from './case-changes.ts';
import type { EventPublisher } from './event-publisher.ts';

export interface SlaTimers {
  schedule(caseId: string, expiresAt: Date): Promise<void>;
  cancel(caseId: string): Promise<void>;
}

/** The one logging call services make (adapted from pino's or Temporal's logger). */
export interface WarnLogger {
  warn(details: object, message: string): void;
}

const MAX_ATTEMPTS = 8;

/** Whether a case should have a running SLA timer. */
export const slaTimerWanted = (kase: CaseDocument) =>
  kase.slaExpiresAt !== null && kase.resolvedAt === null && kase.slaExpiredAt === null && kase.redactedAt === null;

const slaState = (kase: CaseDocument | null) =>
  kase ? `${kase.slaExpiresAt?.getTime() ?? ''}|${slaTimerWanted(kase)}` : '';

export function toEventDocuments(
  change: CaseChange,
  caseId: string,
  actor: Actor | null,
  now: Date,
): CaseEventDocument[] {
  return change.events.map((event) => ({ _id: newId('event'), caseId, createdAt: now, actor, ...event }));
}

/**
 * The one way cases change: read the latest revision, compute the change, commit the next revision with its
 * events (one atomic insert; on a race re-read and recompute, 409 if races persist), then publish the events
 * and bring the SLA timer in line. `timerFinishing`: the change comes from the SLA timer itself.
 */
export function createCaseWriter(deps: {
  cases: CaseRepository;
  publisher: EventPublisher;
  slaTimers: SlaTimers;
  clock: Clock;
  log: WarnLogger;
}) {
  /**
   * Makes Temporal's timer match the case's latest state; on failure the sweeper retries. Concurrent writes sync
   * concurrently, and the timer keeps whichever message reaches Temporal last: so after telling it, re-read, and
   * tell it again if the case changed meanwhile (a slower sync must not leave an older deadline, or a cancel, last).
   */
  async function syncSlaTimer(revision: CaseRevisionDocument): Promise<void> {
    try {
      let told: string | null = null;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const latest = (await deps.cases.findById(revision.caseId)) ?? revision.doc;
        const state = slaState(latest);
        if (state === told) {
          await deps.cases.markSlaSynced(revision._id);
          return;
        }
        const expiresAt = slaTimerWanted(latest) ? latest.slaExpiresAt : null;
        if (expiresAt) await deps.slaTimers.schedule(latest._id, expiresAt);
        else await deps.slaTimers.cancel(latest._id);
        told = state;
      }
      deps.log.warn(
        { caseId: revision.caseId },
        'the SLA kept changing while syncing its timer; the sweeper will retry',
      );
    } catch (error) {
      deps.log.warn({ err: error, caseId: revision.caseId }, 'could not update the SLA timer; the sweeper will retry');
    }
  }

  async function afterCommit(revision: CaseRevisionDocument): Promise<void> {
    await deps.publisher.publish(revision);
    if (revision.slaSyncPending) await syncSlaTimer(revision);
  }

  /** Commits a brand-new case (version 1) with its creation events. */
  async function create(kase: CaseDocument, events: CaseEventDocument[]): Promise<CaseDocument> {
    const revision = newRevision(kase, events, { slaSyncPending: slaTimerWanted(kase) }, kase.createdAt);
    if (!(await deps.cases.commit(revision))) throw new ConflictError(`Case ${kase._id} already exists.`);
    await afterCommit(revision);
    return kase;
  }

  async function mutate(
    caseId: string,
    actor: Actor | null,
    compute: (kase: CaseDocument, now: Date) => CaseChange | null,
    { timerFinishing = false } = {},
  ): Promise<CaseDocument> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const kase = await deps.cases.findById(caseId);
      if (!kase) throw new NotFoundError(`No case with id ${caseId}.`);
      if (kase.redactedAt) throw new CaseRedactedError(`Case ${caseId} is redacted and can no longer change.`);
      const now = deps.clock();
      const change = compute(kase, now);
      if (!change) return kase;
      const next: CaseDocument = {
        ...kase,
        ...change.set,
        updatedAt: now,
        ...(actor ? { updater: actor } : {}),
        version: kase.version + 1,
      };
      const slaSyncPending = !timerFinishing && slaState(next) !== slaState(kase);
      const revision = newRevision(next, toEventDocuments(change, caseId, actor, now), { slaSyncPending }, now);
      if (await deps.cases.commit(revision)) {
        await afterCommit(revision);
        return next;
      }
      await deps.cases.converge(caseId);
    }
    throw new ConflictError(`Case ${caseId} is being changed concurrently; try again.`);
  }

  return { create, mutate, afterCommit, syncSlaTimer };
}

export type CaseWriter = ReturnType<typeof createCaseWriter>;
