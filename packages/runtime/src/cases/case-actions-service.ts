import type { Actor, CaseDocument } from './case-collections.ts';
import type { CaseRepository } from './case-repository.ts';
import type { Clock } from '../platform/clock.ts';
import type { Claims } from '../platform/db/claims.ts';
import { newId } from '../platform/ids.ts';
import {
  changeAssignee,
  changeObjects,
  changeQueue,
  changeStatus,
  changeTags,
  combine,
  redactChange,
} from './case-changes.ts';
import type { CaseWriter } from './case-writer.ts';

export type SlaExpiryOutcome = 'expired' | 'already-expired' | 'stale' | 'not-found';

/** The action routes of a case (Persona's `POST /cases/{id}/<action>`), and SLA expiry for the timer. */
export function createCaseActionsService(deps: {
  cases: CaseRepository;
  writer: CaseWriter;
  breachQueueOf: (templateId: string) => Promise<string | null>;
  claims: Claims;
  clock: Clock;
}) {
  const { writer } = deps;
  return {
    setStatus: (id: string, status: string, actor: Actor) =>
      writer.mutate(id, actor, (kase, now) => changeStatus(kase, status, actor, now)),

    assign: (id: string, email: string, actor: Actor) =>
      writer.mutate(id, actor, (kase, now) => changeAssignee(kase, email, actor, now)),

    addObjects: (id: string, objectIds: string[], actor: Actor) =>
      writer.mutate(id, actor, (kase) => changeObjects(kase, objectIds, 'add')),

    removeObjects: (id: string, objectIds: string[], actor: Actor) =>
      writer.mutate(id, actor, (kase) => changeObjects(kase, objectIds, 'remove')),

    addTag: (id: string, tag: string, actor: Actor) =>
      writer.mutate(id, actor, (kase) => changeTags(kase, [...kase.tags, tag])),

    removeTag: (id: string, tag: string, actor: Actor) =>
      writer.mutate(id, actor, (kase) =>
        changeTags(
          kase,
          kase.tags.filter((existing) => existing !== tag.trim()),
        ),
      ),

    setTags: (id: string, tags: string[], actor: Actor) => writer.mutate(id, actor, (kase) => changeTags(kase, tags)),

    /**
     * Comments live in the case's event timeline (`case.commented`). Returns the case and the comment's id. With a
     * `dedupeKey` (an Idempotency-Key) the comment's id is claimed once and noted on the case with it, so the same
     * request run again (after an api crash) records no second comment.
     */
    async comment(
      id: string,
      body: string,
      author: Actor,
      dedupeKey?: string,
    ): Promise<{ kase: CaseDocument; commentId: string }> {
      const commentId = dedupeKey
        ? (await deps.claims.claimOnce(dedupeKey, () => newId('comment'))).value
        : newId('comment');
      const applied = `comment:${commentId}`;
      const kase = await writer.mutate(id, author, (current) => {
        if (dedupeKey && current.appliedSteps?.includes(applied)) return null;
        return {
          set: dedupeKey ? { appliedSteps: [...(current.appliedSteps ?? []).slice(-49), applied] } : {},
          events: [{ name: 'case.commented', payload: { 'comment-id': commentId, body } }],
        };
      });
      return { kase, commentId };
    },

    /** Irreversible: fields emptied, `redacted-at` set; later writes answer 409. */
    redact: (id: string, actor: Actor) => writer.mutate(id, actor, (_kase, now) => redactChange(now)),

    /**
     * Called by the SLA timer when `expectedExpiresAt` passes. Idempotent: only the deadline the timer was set
     * for, only once, never on a resolved case; moves the case to its template's breach queue if it has one.
     */
    async expireSla(caseId: string, expectedExpiresAt: Date): Promise<SlaExpiryOutcome> {
      const current = await deps.cases.findById(caseId);
      if (!current) return 'not-found';
      if (current.slaExpiredAt) return 'already-expired';
      const breachQueueId = await deps.breachQueueOf(current.templateId);
      let outcome: SlaExpiryOutcome = 'stale';
      await writer.mutate(
        caseId,
        null,
        (kase, now) => {
          if (kase.slaExpiredAt) return ((outcome = 'already-expired'), null);
          const due = kase.slaExpiresAt?.getTime() === expectedExpiresAt.getTime();
          if (!due || kase.resolvedAt || kase.redactedAt) return ((outcome = 'stale'), null);
          outcome = 'expired';
          return combine(
            {
              set: { slaExpiredAt: now },
              events: [{ name: 'case.sla-expired', payload: { 'sla-expires-at': expectedExpiresAt.toISOString() } }],
            },
            breachQueueId ? changeQueue(kase, breachQueueId) : null,
          );
        },
        { timerFinishing: true },
      );
      return outcome;
    },
  };
}

export type CaseActionsService = ReturnType<typeof createCaseActionsService>;
