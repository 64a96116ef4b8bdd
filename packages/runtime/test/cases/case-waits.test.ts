import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollectionNames, type CaseWait, type StoredCaseDocument } from '../../src/cases/case-collections.ts';
import { CLEAR_DELAY_MS } from '../../src/cases/event-publisher.ts';
import { createDomains, type Domains } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { caseEvents, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const actor = { id: 'wfr_P7waits000000000000000000', type: 'workflow-run' as const };
const wait = (nodeId: string): CaseWait => ({ runId: actor.id, nodeId, events: ['case.resolved'] });

// A run registers its wait on a case right after its steps wrote the case (cases/case-writer.ts, `addWait`): the
// registration also clears what the last write published, unless another process wrote the case in between.
describe('registering a run’s wait on a case its process just wrote', () => {
  let t: TestApp;
  let temporal: TemporalHandle;
  let here: Domains;
  let elsewhere: Domains;
  let templateId: string;
  const cases = () => t.db.collection<StoredCaseDocument>(caseCollectionNames.cases);

  beforeAll(async () => {
    t = await createTestApp();
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    // Two processes' worth of case code on one store: each publishes and clears its own writes.
    const build = () => createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    here = build();
    elsewhere = build();
    templateId = (await createTemplate(t)).id;
  });

  afterAll(async () => {
    await here?.cases.publisher.flush();
    await elsewhere?.cases.publisher.flush();
    await temporal?.connection.close();
    await t?.close();
  });

  const create = (domains: Domains, inquiry: string) =>
    domains.cases.cases.create(
      {
        data: { attributes: { 'case-template-id': templateId, fields: { amount: 1 } } },
        meta: { 'object-ids': [inquiry] },
      },
      actor,
    );

  it('registers the wait and clears the published outbox in one update', async () => {
    const kase = await create(here, 'inq_P7waitsfold00000000000000');
    expect(here.cases.publisher.settled(kase._id)?.version).toBe(1);

    const waiting = await here.cases.writer.addWait(kase._id, wait('wait-resolved'));

    expect(waiting).toMatchObject({ version: 1, outbox: [], dirty: false, waits: [wait('wait-resolved')] });
    // Nothing left for the delayed clear to do: it was dropped, and what the write published stays published.
    expect(here.cases.publisher.settled(kase._id)).toBeUndefined();
    expect(await caseEvents(t, kase._id)).toEqual(['case.created', 'case.objects-added']);
  });

  it('registers the wait alone when another process wrote the case in between, and loses none of its events', async () => {
    const kase = await create(here, 'inq_P7waitsmoved0000000000000');
    await elsewhere.cases.cases.update(kase._id, { data: { attributes: { fields: { amount: 2 } } } }, actor);

    const waiting = await here.cases.writer.addWait(kase._id, wait('wait-moved'));

    expect(waiting).toMatchObject({ version: 2, fields: { amount: 2 }, waits: [wait('wait-moved')] });
    await expect
      .poll(async () => cases().findOne({ _id: kase._id }), {
        timeout: 20 * CLEAR_DELAY_MS,
        interval: CLEAR_DELAY_MS / 4,
      })
      .toMatchObject({ version: 2, outbox: [], dirty: false, waits: [wait('wait-moved')] });
    expect(await caseEvents(t, kase._id)).toEqual(['case.created', 'case.objects-added', 'case.fields-updated']);
  });
});
