import type { ActorType, CaseEventName, CaseStatusDefinition, EventName, FieldSchema } from '@casework/shared';
import type { Db } from 'mongodb';
import { ensureGuardIndex, ensureIndex } from '../platform/db/indexes.ts';

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
}

export interface CaseQueueDocument {
  _id: string;
  name: string;
  description: string | null;
  status: 'active' | 'archived';
  createdAt: Date;
  updatedAt: Date;
}

/** A recorded event: of a case (committed with the case's write, in its outbox), or of a workflow run. */
export interface EventDocument {
  _id: string;
  name: EventName;
  caseId: string | null;
  /** Set on `workflow-run.*` events. */
  runId?: string;
  /** The case's queue and template when the event happened (absent on events stored before they were kept). */
  queueId?: string | null;
  templateId?: string;
  createdAt: Date;
  actor: Actor | null;
  payload: Record<string, unknown>;
  /** Set on events recorded at most once per key (`run-event:<run id>:<name>`); unique. */
  dedupeKey?: string;
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
  /** Optimistic concurrency: 1 at creation, +1 per write; every write is guarded by the version it read. */
  version: number;
  /**
   * The last workflow steps (`<run id>:<node id>`) and keyed API comments (`comment:<comment id>`) that changed the
   * case: a retried step or request changes it once.
   */
  appliedSteps?: string[];
  /** What created it at most once: a workflow step (`case-step:<run id>:<node id>`) or an Idempotency-Key; unique. */
  dedupeKey?: string;
}

/** What a case is made with; every other field of a new case starts empty (`newCaseDocument`). */
export type NewCaseIdentity = Pick<
  CaseDocument,
  '_id' | 'name' | 'templateId' | 'statuses' | 'fieldSchemas' | 'status' | 'fields'
>;

/**
 * A case as it is when created at `createdAt`: version 1, no tags, queue, assignee, SLA or resolution, except what
 * `set` gives it. The case service creates cases with it; tests and benches seed them with it (`importMany`).
 */
export function newCaseDocument(
  identity: NewCaseIdentity,
  createdAt: Date,
  set: Partial<Omit<CaseDocument, keyof NewCaseIdentity>> = {},
): CaseDocument {
  return {
    ...identity,
    queueId: null,
    tags: [],
    objectIds: [],
    workflowRunIds: [],
    createdAt,
    updatedAt: createdAt,
    resolvedAt: null,
    assignedAt: null,
    redactedAt: null,
    slaExpiresAt: null,
    slaExpiredAt: null,
    creator: null,
    assigneeId: null,
    assigner: null,
    resolver: null,
    updater: null,
    version: 1,
    ...set,
  };
}

/** An event as a case remembers it: enough for a `wait.case` to find what happened while it was registering. */
export interface RecentEvent {
  id: string;
  name: CaseEventName;
  at: Date;
  /** Who recorded it (the actor's id: a run for its steps' changes); absent on events recorded before it was kept. */
  by?: string;
}

/** A run waiting on some of the case's events (`wait.case`): who gets signalled when one is recorded. */
export interface CaseWait {
  runId: string;
  nodeId: string;
  events: CaseEventName[];
}

/**
 * A case as stored: one document, changed only by single-document atomic updates guarded by `version`. The events
 * of a write ride in the same update (`outbox`) and are published afterwards by whoever gets there first (the writer
 * right away, a retry or the sweeper after a failure or crash); `dirty` marks a case with something left to publish
 * or an SLA timer to bring in line (`slaSync`). See docs/architecture.md, "How a case changes".
 */
export interface StoredCaseDocument extends CaseDocument {
  outbox: CaseEventDocument[];
  /** The case's last events (at most RECENT_EVENTS), newest last. */
  recentEvents: RecentEvent[];
  waits: CaseWait[];
  dirty: boolean;
  /** The version whose write moved the SLA, until Temporal's timer has been told; null when in line. */
  slaSync: number | null;
}

export const RECENT_EVENTS = 20;

/** How a case remembers events it recorded (`recentEvents`). */
export const recentOf = (events: CaseEventDocument[]): RecentEvent[] =>
  events.map((event) => ({
    id: event._id,
    name: event.name,
    at: event.createdAt,
    ...(event.actor ? { by: event.actor.id } : {}),
  }));

/** A case as first stored: its creation events in the outbox, dirty while there is something to publish or tell. */
export function newStoredCase(
  kase: CaseDocument,
  events: CaseEventDocument[],
  slaSync: number | null,
): StoredCaseDocument {
  return {
    ...kase,
    outbox: events,
    recentEvents: recentOf(events).slice(-RECENT_EVENTS),
    waits: [],
    dirty: events.length > 0 || slaSync !== null,
    slaSync,
  };
}

export function caseCollections(db: Db) {
  return {
    caseTemplates: db.collection<CaseTemplateDocument>(caseCollectionNames.caseTemplates),
    caseQueues: db.collection<CaseQueueDocument>(caseCollectionNames.caseQueues),
    cases: db.collection<StoredCaseDocument>(caseCollectionNames.cases),
    events: db.collection<EventDocument>(caseCollectionNames.events),
  };
}

/**
 * Indexes of the case domain: unique where the model says unique, and one per list filter (used by MongoDB; the
 * embedded store answers lists by scanning, measured in docs/benchmarks.md).
 */
export async function ensureCaseIndexes(db: Db): Promise<void> {
  const { caseTemplates, cases, events } = caseCollections(db);
  await ensureIndex(caseTemplates, { key: 1 }, { unique: true, name: 'key_unique' });
  await ensureGuardIndex(cases, ['version']);
  await ensureIndex(cases, { dedupeKey: 1 }, { unique: true, sparse: true, name: 'dedupe_key' });
  await ensureIndex(cases, { templateId: 1, _id: -1 }, { name: 'template_id' });
  await ensureIndex(cases, { status: 1, _id: -1 }, { name: 'status_id' });
  await ensureIndex(cases, { queueId: 1, _id: -1 }, { name: 'queue_id' });
  await ensureIndex(cases, { assigneeId: 1, _id: -1 }, { name: 'assignee_id' });
  await ensureIndex(cases, { objectIds: 1, _id: -1 }, { name: 'object_ids' });
  // The reviewer console's lists (POST /cases/search): a queue newest first, or by SLA deadline.
  await ensureIndex(cases, { queueId: 1, createdAt: -1, _id: -1 }, { name: 'queue_created' });
  await ensureIndex(cases, { queueId: 1, slaExpiresAt: 1, _id: 1 }, { name: 'queue_sla' });
  // Real MongoDB uses it for the sweeper; the embedded store scans (it ignores non-unique indexes).
  await ensureIndex(cases, { dirty: 1 }, { name: 'dirty', partialFilterExpression: { dirty: true } });
  await ensureIndex(events, { caseId: 1, _id: -1 }, { name: 'case_id' });
  await ensureIndex(events, { dedupeKey: 1 }, { unique: true, sparse: true, name: 'dedupe_key' });
  await ensureIndex(events, { name: 1, _id: -1 }, { name: 'name_id' });
}
