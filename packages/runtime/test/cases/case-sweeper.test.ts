import { createCaseRequestSchema, createCaseTemplateRequestSchema } from '@casework/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollections, ensureCaseIndexes, type CaseDocument } from '../../src/db/case-collections.ts';
import { newRevision } from '../../src/db/case-repository.ts';
import { connectMongo, type MongoHandle } from '../../src/db/mongo.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { newId } from '../../src/lib/ids.ts';
import { createCaseDomain, type CaseDomain } from '../../src/services/case-domain.ts';
import { startCaseSweeper } from '../../src/services/case-sweeper.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { reviewTemplateAttributes } from '../helpers/case-fixtures.ts';
import { createTestEnv } from '../helpers/test-env.ts';

// A crash between committing a case write and publishing its events (or telling Temporal about its SLA) leaves the
// revision unfinished; the sweeper finishes it from its to-do list, and the list empties again.
describe('the case sweeper', () => {
  let mongo: MongoHandle;
  let temporal: TemporalHandle;
  let domain: CaseDomain;
  const operator = { id: 'ops@example.com', type: 'user' as const };

  beforeAll(async () => {
    const env = createTestEnv();
    mongo = await connectMongo(env.MONGODB_URI, env.MONGODB_DB);
    await ensureCaseIndexes(mongo.db);
    temporal = createTemporalHandle({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    });
    domain = createCaseDomain({ db: mongo.db, clock: systemClock, log: { warn: () => {} }, temporal });
  });
  afterAll(async () => {
    await mongo?.db.dropDatabase();
    await mongo?.client.close();
    await temporal?.connection.close();
  });

  it('publishes the events of a write interrupted after its commit, once, and clears its to-do entry', async () => {
    const template = await domain.caseTemplates.create(
      createCaseTemplateRequestSchema.parse({ data: { attributes: reviewTemplateAttributes() } }).data.attributes,
    );
    const kase = await domain.cases.create(
      createCaseRequestSchema.parse({
        data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 } } },
      }),
      operator,
    );
    const { events, unfinishedRevisions } = caseCollections(mongo.db);
    expect(await unfinishedRevisions.countDocuments()).toBe(0);

    // The write commits, then the process dies before publishing.
    const next: CaseDocument = { ...kase, tags: ['interrupted'], version: kase.version + 1, updatedAt: new Date() };
    const event = {
      _id: newId('event'),
      name: 'case.updated' as const,
      caseId: kase._id,
      createdAt: new Date(),
      actor: operator,
      payload: {},
    };
    expect(await domain.caseRepository.commit(newRevision(next, [event], { slaSyncPending: false }, new Date()))).toBe(
      true,
    );
    expect(await unfinishedRevisions.countDocuments()).toBe(1);
    expect(await events.countDocuments({ _id: event._id })).toBe(0);

    const sweeper = startCaseSweeper({
      ...domain,
      cases: domain.caseRepository,
      log: { warn: () => {} },
      intervalMs: 60_000,
    });
    try {
      await sweeper.sweep();
      await sweeper.sweep();
    } finally {
      sweeper.stop();
    }
    expect(await events.countDocuments({ _id: event._id })).toBe(1);
    expect(await unfinishedRevisions.countDocuments()).toBe(0);
    expect((await domain.cases.get(kase._id)).tags).toEqual(['interrupted']);
  });
});
