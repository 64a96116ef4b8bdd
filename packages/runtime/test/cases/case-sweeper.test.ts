import { createCaseRequestSchema, createCaseTemplateRequestSchema } from '@casework/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollections, ensureCaseIndexes } from '../../src/cases/case-collections.ts';
import { connectMongo, type MongoHandle } from '../../src/platform/db/mongo.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { createCaseDomain, type CaseDomain } from '../../src/cases/case-domain.ts';
import { startCaseSweeper } from '../../src/cases/case-sweeper.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { reviewTemplateAttributes } from '../helpers/case-fixtures.ts';
import { createTestEnv } from '../helpers/test-env.ts';

// A crash between committing a case write and publishing its events (or telling Temporal about its SLA) leaves the
// case dirty with its events in its outbox; the sweeper publishes them, once, and the case is clean again.
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

  it('publishes the events of a write interrupted after its commit, once, and leaves the case clean', async () => {
    const template = await domain.caseTemplates.create(
      createCaseTemplateRequestSchema.parse({ data: { attributes: reviewTemplateAttributes() } }).data.attributes,
    );
    const kase = await domain.cases.create(
      createCaseRequestSchema.parse({
        data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 } } },
      }),
      operator,
    );
    const { events, cases } = caseCollections(mongo.db);
    // The writer publishes at once and clears the outbox a moment later (CLEAR_DELAY_MS).
    await expect.poll(() => cases.countDocuments({ _id: kase._id, dirty: true }), { timeout: 5_000 }).toBe(0);

    // The write commits (the same update the writer makes), then the process dies before publishing.
    const event = {
      _id: newId('event'),
      name: 'case.updated' as const,
      caseId: kase._id,
      createdAt: new Date(),
      actor: operator,
      payload: {},
    };
    const set = { tags: ['interrupted'], version: kase.version + 1, updatedAt: new Date(), dirty: true };
    expect(await domain.caseRepository.update(kase._id, kase.version, set, [event])).not.toBeNull();
    expect(await cases.countDocuments({ _id: kase._id, dirty: true })).toBe(1);
    expect(await events.countDocuments({ _id: event._id })).toBe(0);

    const sweeper = startCaseSweeper({ publisher: domain.publisher, log: { warn: () => {} }, intervalMs: 60_000 });
    try {
      await sweeper.sweep();
      await sweeper.sweep();
    } finally {
      sweeper.stop();
    }
    expect(await events.countDocuments({ _id: event._id })).toBe(1);
    const after = await cases.findOne({ _id: kase._id });
    expect(after).toMatchObject({ tags: ['interrupted'], dirty: false, outbox: [] });
  });
});
