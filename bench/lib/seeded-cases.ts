// What the benches that need many stored cases share: the stack's store, and a case document written straight into
// it (as a bulk import does) with the fields a fresh case has, so each bench sets only what it varies.
import type { CaseDocument } from '../../packages/runtime/src/cases/case-collections.ts';
import { connectMongo } from '../../packages/runtime/src/platform/db/mongo.ts';

/** The store of the stack under test: MONGODB_URI (default the local stack's port, MONGO_PORT) and MONGODB_DB. */
export function connectBenchStore() {
  const uri = process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${process.env.MONGO_PORT ?? '27017'}/`;
  return connectMongo(uri, process.env.MONGODB_DB ?? 'casework');
}

export type SeededCaseIdentity = Pick<
  CaseDocument,
  '_id' | 'name' | 'templateId' | 'statuses' | 'fieldSchemas' | 'status' | 'fields'
>;

/** A stored case created at `createdAt` and untouched since: no tags, queue, assignee, SLA or resolution. */
export function seededCaseDocument(
  identity: SeededCaseIdentity,
  createdAt: Date,
  varied: Partial<Omit<CaseDocument, keyof SeededCaseIdentity>> = {},
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
    ...varied,
  };
}
