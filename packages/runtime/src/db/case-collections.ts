import type { ActorType, CaseEventName, CaseStatusDefinition, FieldSchema } from '@casework/shared';
import type { Db } from 'mongodb';

/** Collection names of the case domain: persisted, so never renamed. */
export const caseCollectionNames = {
  caseTemplates: 'case_templates',
  caseQueues: 'case_queues',
  cases: 'cases',
  events: 'events',
} as const;

export interface Actor {
  id: string;
  type: ActorType;
}

export interface CaseTemplateDocument {
  _id: string;
  key: string;
  name: string;
  statuses: CaseStatusDefinition[];
  fieldSchemas: FieldSchema[];
  defaultSlaSeconds: number | null;
  slaBreachQueueId: string | null;
  status: 'active' | 'archived';
  createdAt: Date;
  updatedAt: Date;
  /** The last case number handed out (case names are `<key>-<n>`); incremented atomically. */
  caseCounter: number;
}

export interface CaseQueueDocument {
  _id: string;
  name: string;
  description: string | null;
  status: 'active' | 'archived';
  createdAt: Date;
  updatedAt: Date;
}

export interface EventDocument {
  _id: string;
  name: CaseEventName;
  caseId: string;
  createdAt: Date;
  actor: Actor | null;
  payload: Record<string, unknown>;
}

export interface CaseDocument {
  _id: string;
  name: string;
  templateId: string;
  /** The template's statuses and fields when the case was created: template edits apply to new cases only. */
  statuses: CaseStatusDefinition[];
  fieldSchemas: FieldSchema[];
  status: string;
  fields: Record<string, unknown>;
  queueId: string | null;
  tags: string[];
  objectIds: string[];
  workflowRunIds: string[];
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  assignedAt: Date | null;
  redactedAt: Date | null;
  slaExpiresAt: Date | null;
  slaExpiredAt: Date | null;
  creator: Actor | null;
  assigneeId: string | null;
  assigner: Actor | null;
  resolver: Actor | null;
  updater: Actor | null;
  /** Optimistic concurrency: every write matches on it and increments it. */
  version: number;
  /**
   * Events recorded by writes not yet copied to the `events` collection. Appended in the same atomic update
   * as the change they describe (no multi-document transactions needed), then published and cleared.
   */
  outbox: EventDocument[];
}

export function caseCollections(db: Db) {
  return {
    caseTemplates: db.collection<CaseTemplateDocument>(caseCollectionNames.caseTemplates),
    caseQueues: db.collection<CaseQueueDocument>(caseCollectionNames.caseQueues),
    cases: db.collection<CaseDocument>(caseCollectionNames.cases),
    events: db.collection<EventDocument>(caseCollectionNames.events),
  };
}

/** Indexes of the case domain: unique where the model says unique, and one per list filter. */
export async function ensureCaseIndexes(db: Db): Promise<void> {
  const { caseTemplates, cases, events } = caseCollections(db);
  await caseTemplates.createIndex({ key: 1 }, { unique: true, name: 'key_unique' });
  await cases.createIndex({ templateId: 1, _id: -1 }, { name: 'template_id' });
  await cases.createIndex({ status: 1, _id: -1 }, { name: 'status_id' });
  await cases.createIndex({ queueId: 1, _id: -1 }, { name: 'queue_id' });
  await cases.createIndex({ assigneeId: 1, _id: -1 }, { name: 'assignee_id' });
  await cases.createIndex({ objectIds: 1 }, { name: 'object_ids' });
  await cases.createIndex({ 'outbox.0._id': 1 }, { name: 'outbox_pending', sparse: true });
  await events.createIndex({ caseId: 1, _id: -1 }, { name: 'case_id' });
  await events.createIndex({ name: 1, _id: -1 }, { name: 'name_id' });
}
