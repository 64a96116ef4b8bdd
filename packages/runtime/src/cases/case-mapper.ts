import { objectTypeOf, typedFields, type CaseResource, type EventResource, type PlainCase } from '@casework/shared';
import type { Actor, CaseDocument, EventDocument } from './case-collections.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const ref = <T extends string>(type: T, id: string) => ({ type, id });

/** A stored case as the API shows it: Persona's attributes and relationships. */
export function toCaseResource(doc: CaseDocument): CaseResource {
  const objects = (relationship: string, type: string) =>
    doc.objectIds.filter((id) => objectTypeOf(id)?.relationship === relationship).map((id) => ({ type, id }));
  const actor = (who: Actor | null) => ({ id: who?.id ?? null, type: who?.type ?? null });
  const [creator, assigner, resolver, updater] = [doc.creator, doc.assigner, doc.resolver, doc.updater].map(actor);
  return {
    type: 'case',
    id: doc._id,
    attributes: {
      status: doc.status,
      name: doc.name,
      'created-at': doc.createdAt.toISOString(),
      'updated-at': doc.updatedAt.toISOString(),
      'resolved-at': iso(doc.resolvedAt),
      'assigned-at': iso(doc.assignedAt),
      'redacted-at': iso(doc.redactedAt),
      'sla-expires-at': iso(doc.slaExpiresAt),
      'sla-expired-at': iso(doc.slaExpiredAt),
      'creator-id': creator?.id ?? null,
      'creator-type': creator?.type ?? null,
      'assignee-id': doc.assigneeId,
      'assigner-id': assigner?.id ?? null,
      'assigner-type': assigner?.type ?? null,
      'resolver-id': resolver?.id ?? null,
      'resolver-type': resolver?.type ?? null,
      'updater-id': updater?.id ?? null,
      'updater-type': updater?.type ?? null,
      tags: doc.tags,
      fields: typedFields(doc.fieldSchemas, doc.fields),
    },
    relationships: {
      'case-template': { data: ref('case-template', doc.templateId) },
      'case-queue': { data: doc.queueId ? ref('case-queue', doc.queueId) : null },
      inquiries: { data: objects('inquiries', 'inquiry') as { type: 'inquiry'; id: string }[] },
      reports: { data: objects('reports', 'report') as { type: 'report'; id: string }[] },
      verifications: { data: objects('verifications', 'verification') as { type: 'verification'; id: string }[] },
      transactions: { data: objects('transactions', 'transaction') as { type: 'transaction'; id: string }[] },
      accounts: { data: objects('accounts', 'account') as { type: 'account'; id: string }[] },
      documents: { data: objects('documents', 'document') as { type: 'document'; id: string }[] },
      'workflow-runs': { data: doc.workflowRunIds.map((id) => ref('workflow-run', id)) },
    },
  };
}

export function toEventResource(doc: EventDocument): EventResource {
  return {
    type: 'event',
    id: doc._id,
    attributes: {
      name: doc.name,
      'created-at': doc.createdAt.toISOString(),
      'case-id': doc.caseId,
      'workflow-run-id': doc.runId ?? null,
      'actor-id': doc.actor?.id ?? null,
      'actor-type': doc.actor?.type ?? null,
      payload: doc.payload,
    },
  };
}

/** The plain case object workflow expressions read as `steps.<id>.case` (docs/architecture.md, "Workflows"). */
export function toPlainCase(doc: CaseDocument): PlainCase {
  return {
    id: doc._id,
    name: doc.name,
    status: doc.status,
    'case-template-id': doc.templateId,
    'case-queue-id': doc.queueId,
    'assignee-id': doc.assigneeId,
    tags: doc.tags,
    'sla-expires-at': iso(doc.slaExpiresAt),
    'sla-expired-at': iso(doc.slaExpiredAt),
    'resolved-at': iso(doc.resolvedAt),
    'created-at': doc.createdAt.toISOString(),
    'object-ids': doc.objectIds,
    fields: doc.fields,
  };
}
