import { setTimeout as sleep } from 'node:timers/promises';
import {
  newStoredCase,
  RECENT_EVENTS,
  recentOf,
  type Actor,
  type CaseDocument,
  type CaseEventDocument,
  type CaseWait,
  type StoredCaseDocument,
} from './case-collections.ts';
import type { CaseRepository, CaseSet } from './case-repository.ts';
import type { Clock } from '../platform/clock.ts';
import { CaseRedactedError, ConflictError, NotFoundError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { CaseChange } from './case-changes.ts';
import { slaState, slaTimerWanted, type EventPublisher } from './event-publisher.ts';

// Enough for 20+ writers racing on one case, each round letting exactly one through.
const MAX_ATTEMPTS = 30;

/** The events of a change to `kase` (its state after the change: its queue and template ride along, for streams). */
export function toEventDocuments(
  change: CaseChange,
  kase: Pick<CaseDocument, '_id' | 'queueId' | 'templateId'>,
  actor: Actor | null,
  now: Date,
): CaseEventDocument[] {
  const { _id: caseId, queueId, templateId } = kase;
  return change.events.map((event) => ({
    _id: newId('event'),
    caseId,
    queueId,
    templateId,
    createdAt: now,
    actor,
    ...event,
  }));
}

/**
 * The one way cases change: read the case, compute the change, write it with one update guarded by the version
 * read (its events ride in the same update); on a race re-read and recompute, 409 if races persist. Then the
 * publisher stores the events, tells waiting runs and event triggers, and moves the SLA timer.
 * `timerFinishing`: the change comes from the SLA timer itself, which needs no telling.
 */
export function createCaseWriter(deps: { cases: CaseRepository; publisher: EventPublisher; clock: Clock }) {
  /** Writes a brand-new case (version 1) with its creation events; false if a case with its id exists. */
  async function create(kase: CaseDocument, events: CaseEventDocument[]): Promise<StoredCaseDocument | null> {
    const doc = newStoredCase(kase, events, slaTimerWanted(kase) ? kase.version : null);
    if (!(await deps.cases.insert(doc))) return null;
    await deps.publisher.afterWrite(doc);
    return doc;
  }

  async function mutate(
    caseId: string,
    actor: Actor | null,
    compute: (kase: StoredCaseDocument, now: Date) => CaseChange | null,
    { timerFinishing = false } = {},
  ): Promise<StoredCaseDocument> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // The case as this process just wrote and published it, if it did (event-publisher.ts, `settled`): no read,
      // and this write clears that outbox. If the case moved on since, the guard below fails and the loop reads it.
      const settled = attempt === 1 ? deps.publisher.settled(caseId) : undefined;
      const kase = settled ?? (await deps.cases.findById(caseId));
      if (!kase) throw new NotFoundError(`No case with id ${caseId}.`);
      if (kase.redactedAt) throw new CaseRedactedError(`Case ${caseId} is redacted and can no longer change.`);
      const now = deps.clock();
      const change = compute(kase, now);
      // Nothing to change: answer with the case as stored, not as this process last saw it.
      if (!change && settled) continue;
      if (!change) return kase;
      const queueId = change.set.queueId === undefined ? kase.queueId : change.set.queueId;
      const events = toEventDocuments(change, { _id: caseId, queueId, templateId: kase.templateId }, actor, now);
      const set: CaseSet = { ...change.set, updatedAt: now, version: kase.version + 1 };
      if (actor) set.updater = actor;
      if (events.length > 0) set.recentEvents = [...kase.recentEvents, ...recentOf(events)].slice(-RECENT_EVENTS);
      const slaMoved = !timerFinishing && slaState({ ...kase, ...set }) !== slaState(kase);
      if (slaMoved) set.slaSync = kase.version + 1;
      if (events.length > 0 || slaMoved) set.dirty = true;
      if (settled) {
        set.dirty = events.length > 0 || slaMoved;
        set.slaSync = slaMoved ? kase.version + 1 : null;
      }
      const written = await deps.cases.update(caseId, kase.version, set, events, { replaceOutbox: !!settled });
      if (written) {
        await deps.publisher.afterWrite(written);
        return written;
      }
      // Spread the losers of a race out a little, so they do not all collide again (a stale settled case is no race).
      if (!settled) await sleep(Math.random() * Math.min(attempt * 4, 40));
    }
    throw new ConflictError(`Case ${caseId} is being changed concurrently; try again.`);
  }

  /**
   * Registers a run's wait on the case; null if there is no such case. When this process published the case's last
   * write and has not cleared its outbox yet (`settled`), the registration clears it in the same update, guarded by
   * that version, and the clear's own write is saved. If the case moved on since, the wait is registered alone.
   */
  async function addWait(caseId: string, wait: CaseWait): Promise<StoredCaseDocument | null> {
    const settled = deps.publisher.settled(caseId);
    if (settled) {
      const kase = await deps.cases.addWait(caseId, wait, { finishing: settled.version });
      if (kase) {
        deps.publisher.cleared(settled);
        return kase;
      }
    }
    return deps.cases.addWait(caseId, wait);
  }

  return { create, mutate, addWait };
}

export type CaseWriter = ReturnType<typeof createCaseWriter>;
