import {
  MAX_OBJECTS_PER_CASE,
  objectTypeOf,
  statusTransition,
  validateFieldValues,
  type CaseEventName,
} from '@casework/shared';
import type { Actor, CaseDocument } from './case-collections.ts';
import { UnprocessableError } from '../platform/errors.ts';

/** What one operation does to a case: the attributes it sets and the events it records. Null: nothing to do. */
export interface CaseChange {
  set: Partial<CaseDocument>;
  events: { name: CaseEventName; payload: Record<string, unknown> }[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Redaction (irreversible): the fields emptied, `redacted-at` set; the writer refuses later changes. */
export const redactChange = (now: Date): CaseChange => ({
  set: { fields: {}, redactedAt: now },
  events: [{ name: 'case.redacted', payload: {} }],
});

/** Object ids checked for type (by prefix), de-duplicated in order. */
export function checkObjectIds(ids: readonly string[], pointer = '/meta/object-ids'): string[] {
  const issues = ids.flatMap((id, index) =>
    objectTypeOf(id)
      ? []
      : [
          {
            pointer: `${pointer}/${index}`,
            message: `"${id}" is not an object id this API knows (inq_, rep_, ver_, txn_, act_, doc_)`,
          },
        ],
  );
  if (issues.length > 0) throw UnprocessableError.fromIssues(issues);
  return [...new Set(ids)];
}

export function changeFields(kase: CaseDocument, input: Record<string, unknown>): CaseChange | null {
  const result = validateFieldValues(kase.fieldSchemas, input, { partial: true });
  if (!result.ok) throw UnprocessableError.fromIssues(result.issues);
  const changed = Object.keys(result.values).filter(
    (key) => JSON.stringify(kase.fields[key] ?? null) !== JSON.stringify(result.values[key]),
  );
  const merged = { ...kase.fields, ...result.values };
  const fields = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null));
  return changed.length === 0
    ? null
    : { set: { fields }, events: [{ name: 'case.fields-updated', payload: { 'field-keys': changed } }] };
}

export function changeStatus(kase: CaseDocument, status: string, actor: Actor, now: Date): CaseChange | null {
  if (!kase.statuses.some((definition) => definition.name === status)) {
    throw new UnprocessableError(
      `"${status}" is not a status of this case's template (${kase.statuses.map((s) => s.name).join(', ')})`,
      '/meta/status',
    );
  }
  if (status === kase.status) return null;
  const transition = statusTransition(kase.statuses, kase.status, status);
  const change: CaseChange = {
    set: { status },
    events: [{ name: 'case.status-updated', payload: { from: kase.status, to: status } }],
  };
  if (transition === 'resolves') {
    Object.assign(change.set, { resolvedAt: now, resolver: actor });
    change.events.push({ name: 'case.resolved', payload: { status } });
  } else if (transition === 'reopens') {
    Object.assign(change.set, { resolvedAt: null, resolver: null });
    change.events.push({ name: 'case.reopened', payload: { status } });
  }
  return change;
}

export function changeObjects(kase: CaseDocument, ids: readonly string[], mode: 'add' | 'remove'): CaseChange | null {
  const wanted = checkObjectIds(ids);
  if (mode === 'add') {
    const added = wanted.filter((id) => !kase.objectIds.includes(id));
    if (added.length === 0) return null;
    if (kase.objectIds.length + added.length > MAX_OBJECTS_PER_CASE) {
      throw new UnprocessableError(`a case holds at most ${MAX_OBJECTS_PER_CASE} objects`, '/meta/object-ids');
    }
    return {
      set: { objectIds: [...kase.objectIds, ...added] },
      events: [{ name: 'case.objects-added', payload: { 'object-ids': added } }],
    };
  }
  const removed = wanted.filter((id) => kase.objectIds.includes(id));
  if (removed.length === 0) return null;
  return {
    set: { objectIds: kase.objectIds.filter((id) => !removed.includes(id)) },
    events: [{ name: 'case.objects-removed', payload: { 'object-ids': removed } }],
  };
}

export function changeTags(kase: CaseDocument, tags: string[]): CaseChange | null {
  const next = [...new Set(tags.map((tag) => tag.trim()))];
  if (JSON.stringify(next) === JSON.stringify(kase.tags)) return null;
  return { set: { tags: next }, events: [{ name: 'case.updated', payload: { tags: { from: kase.tags, to: next } } }] };
}

export function changeAssignee(kase: CaseDocument, assigneeId: string, actor: Actor, now: Date): CaseChange | null {
  if (kase.assigneeId === assigneeId) return null;
  return {
    set: { assigneeId, assignedAt: now, assigner: actor },
    events: [
      { name: 'case.assigned', payload: { 'assignee-id': assigneeId, 'previous-assignee-id': kase.assigneeId } },
    ],
  };
}

export function changeQueue(kase: CaseDocument, queueId: string | null): CaseChange | null {
  if (kase.queueId === queueId) return null;
  return { set: { queueId }, events: [{ name: 'case.queue-updated', payload: { from: kase.queueId, to: queueId } }] };
}

/** A new deadline (or null to clear it); a new deadline also clears an earlier breach. */
export function changeSla(kase: CaseDocument, expiresAt: Date | null): CaseChange | null {
  if (iso(kase.slaExpiresAt) === iso(expiresAt) && (expiresAt === null || kase.slaExpiredAt === null)) return null;
  return {
    set: { slaExpiresAt: expiresAt, slaExpiredAt: null },
    events: [{ name: 'case.sla-set', payload: { 'sla-expires-at': iso(expiresAt) } }],
  };
}

/** Several changes applied as one write (e.g. a PATCH of fields, queue and SLA). */
export function combine(...changes: (CaseChange | null)[]): CaseChange | null {
  const present = changes.filter((change): change is CaseChange => change !== null);
  if (present.length === 0) return null;
  return {
    set: Object.assign({}, ...present.map((change) => change.set)),
    events: present.flatMap((change) => change.events),
  };
}
