import type { ActorType, CaseEventName, CaseStatusDefinition, EventName, FieldSchema } from '@casework/shared';
import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { ensureIndex } from './indexes.ts';

/** Collection names of the case domain: persisted, so never renamed. */
export const caseCollectionNames = {
  caseTemplates: 'case_templates',
  caseQueues: 'case_queues',
  cases: 'cases',
  caseSchemas: 'case_schemas',
  caseRevisions: 'case_revisions',
  unfinishedRevisions: 'case_unfinished_revisions',
  caseNumbers: 'case_numbers',
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
}

export interface CaseQueueDocument {
  _id: string;
  name: string;
  description: string | null;
  status: 'active' | 'archived';
  createdAt: Date;
  updatedAt: Date;
}

/** A recorded event: of a case (committed with the case's revision), or of a workflow run. */
export interface EventDocument {
  _id: string;
  name: EventName;
  caseId: string | null;
  /** Set on `workflow-run.*` events. */
  runId?: string;
  createdAt: Date;
  actor: Actor | null;
  payload: Record<string, unknown>;
}

export type CaseEventDocument = EventDocument & { name: CaseEventName; caseId: string };

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
  /** Optimistic concurrency: revision number, 1 at creation, +1 per write. */
  version: number;
  /** The last workflow steps (`<run id>:<node id>`) that changed the case: a retried step changes it once. */
  appliedSteps?: string[];
}

/**
 * One write to a case: the case as it is after the write, and the events the write records, committed by one
 * insert whose `_id` (`<case id>:<version>`) only one writer can claim. This is the atomic step on MongoDB and
 * FerretDB alike (FerretDB 1.x updates are not atomic under concurrency, unique inserts are); the `cases`
 * collection is the queryable copy of each case's latest revision.
 */
export interface CaseRevisionDocument {
  _id: string;
  caseId: string;
  version: number;
  doc: CaseDocument;
  events: CaseEventDocument[];
  createdAt: Date;
  /** The events are in the `events` collection and listeners were told. */
  published: boolean;
  /** The write moved the SLA; Temporal's timer has not been brought in line yet. */
  slaSyncPending: boolean;
}

/**
 * A revision whose events are not yet published or whose SLA timer is not yet synced: the sweeper's to-do list.
 * Written before the revision and deleted once it is finished, so it stays small — the sweeper reads it instead of
 * querying `case_revisions`, which FerretDB would decode whole (only `_id` lookups reach its indexes).
 */
export interface UnfinishedRevisionDocument {
  /** The revision's `_id`. */
  _id: string;
  caseId: string;
  createdAt: Date;
}

/**
 * The statuses and field schemas a case was created under: immutable, shared by every case created from the
 * same version of a template, and kept out of the `cases` copy so lists scan small documents (FerretDB 1.x
 * filters and sorts in memory: only `_id` equality reaches SQLite).
 */
export interface CaseSchemaDocument {
  /** `<template id>:<hash of statuses and field schemas>`. */
  _id: string;
  templateId: string;
  statuses: CaseStatusDefinition[];
  fieldSchemas: FieldSchema[];
}

/** A case as the `cases` collection (the queryable copy of each case's latest revision) stores it. */
export type StoredCaseDocument = Omit<CaseDocument, 'statuses' | 'fieldSchemas'> & { schemaId: string };

export const caseSchemaId = (templateId: string, statuses: CaseStatusDefinition[], fieldSchemas: FieldSchema[]) =>
  `${templateId}:${createHash('sha256')
    .update(JSON.stringify([statuses, fieldSchemas]))
    .digest('hex')
    .slice(0, 20)}`;

export function toStoredCase(doc: CaseDocument): StoredCaseDocument {
  const { statuses, fieldSchemas, ...rest } = doc;
  return { ...rest, schemaId: caseSchemaId(doc.templateId, statuses, fieldSchemas) };
}

/** A case number handed out: inserting `<template id>:<n>` claims number n, once. */
export interface CaseNumberDocument {
  _id: string;
  templateId: string;
  n: number;
}

export function caseCollections(db: Db) {
  return {
    caseTemplates: db.collection<CaseTemplateDocument>(caseCollectionNames.caseTemplates),
    caseQueues: db.collection<CaseQueueDocument>(caseCollectionNames.caseQueues),
    cases: db.collection<StoredCaseDocument>(caseCollectionNames.cases),
    caseSchemas: db.collection<CaseSchemaDocument>(caseCollectionNames.caseSchemas),
    caseRevisions: db.collection<CaseRevisionDocument>(caseCollectionNames.caseRevisions),
    unfinishedRevisions: db.collection<UnfinishedRevisionDocument>(caseCollectionNames.unfinishedRevisions),
    caseNumbers: db.collection<CaseNumberDocument>(caseCollectionNames.caseNumbers),
    events: db.collection<EventDocument>(caseCollectionNames.events),
  };
}

/** Indexes of the case domain: unique where the model says unique, and one per list filter. */
export async function ensureCaseIndexes(db: Db): Promise<void> {
  const { caseTemplates, cases, unfinishedRevisions, caseNumbers, events } = caseCollections(db);
  await ensureIndex(caseTemplates, { key: 1 }, { unique: true, name: 'key_unique' });
  await ensureIndex(cases, { templateId: 1, _id: -1 }, { name: 'template_id' });
  await ensureIndex(cases, { status: 1, _id: -1 }, { name: 'status_id' });
  await ensureIndex(cases, { queueId: 1, _id: -1 }, { name: 'queue_id' });
  await ensureIndex(cases, { assigneeId: 1, _id: -1 }, { name: 'assignee_id' });
  await ensureIndex(cases, { objectIds: 1, _id: -1 }, { name: 'object_ids' });
  await ensureIndex(unfinishedRevisions, { caseId: 1 }, { name: 'case_id' });
  await ensureIndex(caseNumbers, { templateId: 1, n: -1 }, { name: 'template_n' });
  await ensureIndex(events, { caseId: 1, _id: -1 }, { name: 'case_id' });
  await ensureIndex(events, { name: 1, _id: -1 }, { name: 'name_id' });
}
