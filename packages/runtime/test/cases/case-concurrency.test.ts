import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { caseCollectionNames, type StoredCaseDocument } from '../../src/cases/case-collections.ts';
import { CLEAR_DELAY_MS } from '../../src/cases/event-publisher.ts';
import { caseAction, caseEvents, createCase, createTemplate } from '../helpers/case-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const count = <T>(items: readonly T[], item: T) => items.filter((each) => each === item).length;

describe('cases under concurrency', () => {
  let t: TestApp;
  const cases = () => t.db.collection<StoredCaseDocument>(caseCollectionNames.cases);

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
  });
  afterAll(async () => t.close());

  /**
   * The stored case, checked to have published everything its writes recorded. A writer clears its outbox a moment
   * after publishing (CLEAR_DELAY_MS, in case it writes the case again), so wait a little for that.
   */
  async function stored(id: string): Promise<StoredCaseDocument> {
    await expect
      .poll(async () => cases().findOne({ _id: id }), { timeout: 20 * CLEAR_DELAY_MS, interval: CLEAR_DELAY_MS / 4 })
      .toMatchObject({ outbox: [], dirty: false });
    return (await cases().findOne({ _id: id })) as StoredCaseDocument;
  }

  it('gives 50 concurrent identical creates with one Idempotency-Key one case and 50 identical 201s', async () => {
    const template = await createTemplate(t);
    const body = {
      data: { attributes: { 'case-template-id': template.id, fields: { amount: 7, notes: 'once' } } },
      meta: { 'object-ids': ['inq_once'] },
    };
    const post = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: { ...t.auth, 'idempotency-key': 'create-once' },
        payload,
      });

    const responses = await Promise.all(Array.from({ length: 50 }, () => post(body)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);

    const id = (responses[0]?.json() as { data: { id: string } }).data.id;
    expect(await cases().countDocuments({ templateId: template.id })).toBe(1);
    expect((await stored(id)).name).toMatch(/-1$/);
    expect((await stored(id)).version).toBe(1);
    expect(await caseEvents(t, id)).toEqual(['case.created', 'case.objects-added']);

    // The same key with another body is refused, and neither runs it nor forgets the first answer.
    const [error] = expectApiError(
      await post({ ...body, data: { attributes: { ...body.data.attributes, fields: { amount: 8 } } } }),
      422,
    );
    expect(error?.source).toEqual({ header: 'Idempotency-Key' });
    expect(await cases().countDocuments({ templateId: template.id })).toBe(1);
    const replay = await post(body);
    expect(replay.statusCode).toBe(201);
    expect(replay.body).toBe(responses[0]?.body);
    // One case number was taken: the template's next case is number 2.
    expect((await createCase(t, template.id)).attributes.name).toMatch(/-2$/);
  });

  it('loses no update when 20 clients add 20 distinct tags to one case at once', async () => {
    const template = await createTemplate(t);
    const kase = await createCase(t, template.id);
    const tags = Array.from({ length: 20 }, (_, i) => `tag-${i}`);

    const responses = await Promise.all(tags.map((tag) => caseAction(t, kase.id, 'add-tag', { 'tag-name': tag })));
    expect(
      responses.map((response) => response.statusCode),
      responses.map((response) => response.body).join('\n'),
    ).toEqual(Array(20).fill(200));

    const final = await stored(kase.id);
    expect([...final.tags].sort()).toEqual([...tags].sort());
    expect(final.version).toBe(21);
    const events = await caseEvents(t, kase.id);
    expect(count(events, 'case.updated')).toBe(20);
    expect(events).toHaveLength(21);
  });

  it('resolves once when 10 clients set the same end status at once', async () => {
    const template = await createTemplate(t);
    const kase = await createCase(t, template.id);

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => caseAction(t, kase.id, 'set-status', { status: 'approved' })),
    );
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().data.attributes).toMatchObject({ status: 'approved', 'resolver-type': 'api-key' });
    }
    // Every client sees the one resolution: the same resolved-at.
    expect(new Set(responses.map((response) => response.json().data.attributes['resolved-at'])).size).toBe(1);

    const events = await caseEvents(t, kase.id);
    expect(count(events, 'case.resolved')).toBe(1);
    expect(count(events, 'case.status-updated')).toBe(1);
    expect((await stored(kase.id)).version).toBe(2);
  });

  it('resolves once when 10 clients race to different end statuses', async () => {
    const template = await createTemplate(t);
    const kase = await createCase(t, template.id);

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        caseAction(t, kase.id, 'set-status', { status: i % 2 === 0 ? 'approved' : 'declined' }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(10).fill(200));

    const events = await caseEvents(t, kase.id);
    expect(count(events, 'case.resolved')).toBe(1);
    expect(count(events, 'case.reopened')).toBe(0);
    const final = await stored(kase.id);
    expect(['approved', 'declined']).toContain(final.status);
    expect(final.resolvedAt).toBeInstanceOf(Date);
  });

  it('merges concurrent PATCHes of different fields', async () => {
    const template = await createTemplate(t);
    const kase = await createCase(t, template.id, { attributes: { fields: { amount: 1 } } });
    const changes: Record<string, unknown>[] = [
      { notes: 'checked' },
      { country: 'DE' },
      { due: '2030-01-31' },
      { flags: ['pep', 'sanctions'] },
      { raw: { source: 'bureau', score: 3 } },
      { amount: 250 },
    ];

    const responses = await Promise.all(
      changes.map((fields) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/cases/${kase.id}`,
          headers: t.auth,
          payload: { data: { attributes: { fields } } },
        }),
      ),
    );
    expect(
      responses.map((response) => response.statusCode),
      responses.map((response) => response.body).join('\n'),
    ).toEqual(Array(changes.length).fill(200));

    const final = await stored(kase.id);
    expect(final.fields).toEqual(Object.assign({}, ...changes));
    expect(final.version).toBe(1 + changes.length);
    expect(count(await caseEvents(t, kase.id), 'case.fields-updated')).toBe(changes.length);
  });

  it('keeps every change when another api process writes the case between two quick writes of this one', async () => {
    // This process starts its next write of a case from the version it just wrote (no read); the other process's
    // write in between must not be lost.
    const other = await buildApp({ env: t.env });
    try {
      const template = await createTemplate(t);
      const kase = await createCase(t, template.id, { attributes: { fields: { amount: 1 } } });
      const patch = (app: typeof t.app, fields: Record<string, unknown>) =>
        app.inject({
          method: 'PATCH',
          url: `/api/v1/cases/${kase.id}`,
          headers: t.auth,
          payload: { data: { attributes: { fields } } },
        });
      expect((await patch(t.app, { notes: 'first' })).statusCode).toBe(200);
      expect((await patch(other, { country: 'DE' })).statusCode).toBe(200);
      const third = await patch(t.app, { amount: 3 });
      expect(third.statusCode, third.body).toBe(200);
      expect(third.json().data.attributes.fields).toMatchObject({
        amount: { value: 3 },
        notes: { value: 'first' },
        country: { value: 'DE' },
      });

      const final = await stored(kase.id);
      expect(final.fields).toEqual({ amount: 3, notes: 'first', country: 'DE' });
      expect(final.version).toBe(4);
      const events = await caseEvents(t, kase.id);
      expect(count(events, 'case.created')).toBe(1);
      expect(count(events, 'case.fields-updated')).toBe(3);
    } finally {
      await other.close();
    }
  });
});
