import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollectionNames } from '../../src/cases/case-collections.ts';
import { caseAction, caseEvents, createCase, createQueue, createTemplate } from '../helpers/case-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('cases', () => {
  let t: TestApp;
  let template: Awaited<ReturnType<typeof createTemplate>>;
  beforeAll(async () => {
    t = await createTestApp();
    template = await createTemplate(t);
  });
  afterAll(async () => t.close());

  it('creates a case in the initial status, named after the template key, with typed fields and objects', async () => {
    const queue = await createQueue(t);
    const kase = await createCase(t, template.id, {
      attributes: { fields: { amount: 120.5, country: 'DE', flags: ['pep'] }, 'case-queue-id': queue.id },
      meta: { 'object-ids': ['inq_abc123', 'rep_def456', 'inq_abc123'] },
    });
    expect(kase.id).toMatch(/^case_[A-Za-z0-9_-]{24}$/);
    expect(kase.attributes).toMatchObject({
      status: 'open',
      name: expect.stringMatching(new RegExp(`^${template.attributes.key}-\\d+$`)),
      'creator-type': 'api-key',
      'resolved-at': null,
      'sla-expires-at': null,
      tags: [],
    });
    expect(kase.attributes.fields).toMatchObject({
      amount: { type: 'number', value: 120.5 },
      country: { type: 'choice', value: 'DE' },
      flags: { type: 'string-array', value: ['pep'] },
      notes: { type: 'string', value: null },
    });
    expect(kase.relationships['case-template']?.data).toEqual({ type: 'case-template', id: template.id });
    expect(kase.relationships['case-queue']?.data).toEqual({ type: 'case-queue', id: queue.id });
    expect(kase.relationships.inquiries?.data).toEqual([{ type: 'inquiry', id: 'inq_abc123' }]);
    expect(kase.relationships.reports?.data).toEqual([{ type: 'report', id: 'rep_def456' }]);
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.objects-added']);
  });

  it('records a user creator when creator-email-address is given', async () => {
    const kase = await createCase(t, template.id, { attributes: { 'creator-email-address': 'ops@example.com' } });
    expect(kase.attributes).toMatchObject({ 'creator-id': 'ops@example.com', 'creator-type': 'user' });
  });

  it('numbers cases atomically: 20 concurrent creates get 20 distinct consecutive names', async () => {
    const own = await createTemplate(t);
    const created = await Promise.all(Array.from({ length: 20 }, () => createCase(t, own.id)));
    const numbers = created.map((kase) => Number(kase.attributes.name.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it.each([
    ['an unknown template', { 'case-template-id': 'ctmpl_nope' }, 404, '/data/attributes/case-template-id'],
    ['a field of the wrong type', { fields: { amount: 'lots' } }, 422, '/data/attributes/fields/amount'],
    ['an unknown field', { fields: { amount: 1, colour: 'red' } }, 422, '/data/attributes/fields/colour'],
    ['a missing required field', { fields: {} }, 422, '/data/attributes/fields/amount'],
    ['a choice outside its choices', { fields: { amount: 1, country: 'XX' } }, 422, '/data/attributes/fields/country'],
    ['a bad date', { fields: { amount: 1, due: '2024-02-30' } }, 422, '/data/attributes/fields/due'],
    [
      'a $-key inside an object field',
      { fields: { amount: 1, raw: { $where: 'x' } } },
      422,
      '/data/attributes/fields/raw',
    ],
    ['an unknown queue', { 'case-queue-id': 'cqueue_nope' }, 404, '/data/attributes/case-queue-id'],
  ])('rejects %s', async (_name, attributes, status, pointer) => {
    const before = await t.db.collection(caseCollectionNames.cases).countDocuments();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: { data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 }, ...attributes } } },
    });
    const errors = expectApiError(response, status);
    expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
    expect(await t.db.collection(caseCollectionNames.cases).countDocuments()).toBe(before);
  });

  it('refuses new cases for an archived template or into an archived queue (422), and writes nothing', async () => {
    const archivedTemplate = await createTemplate(t);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/case-templates/${archivedTemplate.id}/archive`,
      headers: t.auth,
    });
    const queue = await createQueue(t, 'Closed');
    await t.app.inject({ method: 'POST', url: `/api/v1/case-queues/${queue.id}/archive`, headers: t.auth });
    const before = await t.db.collection(caseCollectionNames.cases).countDocuments();
    const create = (attributes: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: t.auth,
        payload: { data: { attributes: { fields: { amount: 1 }, ...attributes } } },
      });
    const [onTemplate] = expectApiError(await create({ 'case-template-id': archivedTemplate.id }), 422);
    expect(onTemplate?.source?.pointer).toBe('/data/attributes/case-template-id');
    const [onQueue] = expectApiError(await create({ 'case-template-id': template.id, 'case-queue-id': queue.id }), 422);
    expect(onQueue?.source?.pointer).toBe('/data/attributes/case-queue-id');
    expect(await t.db.collection(caseCollectionNames.cases).countDocuments()).toBe(before);
  });

  it('applies template edits to new cases only', async () => {
    const own = await createTemplate(t);
    const old = await createCase(t, own.id);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/case-templates/${own.id}`,
      headers: t.auth,
      payload: {
        data: {
          attributes: {
            statuses: [
              { name: 'new', type: 'initial' },
              { name: 'closed', type: 'end' },
            ],
            'field-schemas': [{ key: 'risk', type: 'integer', required: true }],
          },
        },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const oldNow = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${old.id}`, headers: t.auth });
    expect(Object.keys(oldNow.json().data.attributes.fields)).toContain('amount');
    expect((await caseAction(t, old.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);
    expectApiError(await caseAction(t, old.id, 'set-status', { status: 'closed' }), 422);

    const fresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: { data: { attributes: { 'case-template-id': own.id, fields: { risk: 3 } } } },
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json().data.attributes).toMatchObject({
      status: 'new',
      fields: { risk: { type: 'integer', value: 3 } },
    });
  });

  it('rejects object ids of unknown types with a pointer to each', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: {
        data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 } } },
        meta: { 'object-ids': ['inq_ok', 'usr_nope'] },
      },
    });
    const [error] = expectApiError(response, 422);
    expect(error?.source?.pointer).toBe('/meta/object-ids/1');
  });

  it('merges fields on PATCH, removes optional ones with null, and sets and clears the queue', async () => {
    const queue = await createQueue(t, 'Second line');
    const kase = await createCase(t, template.id, { attributes: { fields: { amount: 5, notes: 'first' } } });
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/cases/${kase.id}`, headers: t.auth, payload });

    const merged = await patch({
      data: { attributes: { fields: { country: 'FR', notes: null }, 'case-queue-id': queue.id } },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().data.attributes.fields).toMatchObject({
      amount: { value: 5 },
      country: { value: 'FR' },
      notes: { value: null },
    });
    expect(merged.json().data.relationships['case-queue'].data).toEqual({ type: 'case-queue', id: queue.id });
    expect(merged.json().data.attributes['updater-type']).toBe('api-key');

    const cleared = await patch({ data: { attributes: { 'case-queue-id': null } } });
    expect(cleared.json().data.relationships['case-queue'].data).toBeNull();
    expectApiError(await patch({ data: { attributes: { fields: { amount: null } } } }), 422);
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.fields-updated',
      'case.queue-updated',
      'case.queue-updated',
    ]);
  });

  it('resolves on entering an end status and reopens on leaving it', async () => {
    const kase = await createCase(t, template.id);
    const review = await caseAction(t, kase.id, 'set-status', { status: 'in-review' });
    expect(review.json().data.attributes).toMatchObject({ status: 'in-review', 'resolved-at': null });

    const approved = await caseAction(t, kase.id, 'set-status', { status: 'approved' });
    expect(approved.json().data.attributes).toMatchObject({ status: 'approved', 'resolver-type': 'api-key' });
    expect(approved.json().data.attributes['resolved-at']).toEqual(expect.any(String));

    const reopened = await caseAction(t, kase.id, 'set-status', { status: 'open' });
    expect(reopened.json().data.attributes).toMatchObject({ status: 'open', 'resolved-at': null, 'resolver-id': null });

    const [error] = expectApiError(await caseAction(t, kase.id, 'set-status', { status: 'lost' }), 422);
    expect(error?.source?.pointer).toBe('/meta/status');
    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.status-updated',
      'case.status-updated',
      'case.resolved',
      'case.status-updated',
      'case.reopened',
    ]);
  });

  it('assigns, tags, attaches and detaches objects, and takes comments', async () => {
    const kase = await createCase(t, template.id);
    const assigned = await caseAction(t, kase.id, 'assign', { 'user-email-address': 'reviewer@example.com' });
    expect(assigned.json().data.attributes).toMatchObject({
      'assignee-id': 'reviewer@example.com',
      'assigner-type': 'api-key',
    });

    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'vip' });
    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'vip' });
    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'fraud' });
    expect((await caseAction(t, kase.id, 'remove-tag', { 'tag-name': 'vip' })).json().data.attributes.tags).toEqual([
      'fraud',
    ]);
    expect(
      (await caseAction(t, kase.id, 'set-tags', { 'tag-name': ['a', 'b', 'a'] })).json().data.attributes.tags,
    ).toEqual(['a', 'b']);

    await caseAction(t, kase.id, 'add-objects', { 'object-ids': ['ver_1', 'txn_2'] });
    const again = await caseAction(t, kase.id, 'add-objects', { 'object-ids': ['ver_1'] });
    expect(again.json().data.relationships.verifications.data).toEqual([{ type: 'verification', id: 'ver_1' }]);
    const removed = await caseAction(t, kase.id, 'remove-objects', { 'object-ids': ['ver_1'] });
    expect(removed.json().data.relationships.verifications.data).toEqual([]);
    expect(removed.json().data.relationships.transactions.data).toEqual([{ type: 'transaction', id: 'txn_2' }]);

    const comment = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${kase.id}/comments`,
      headers: t.auth,
      payload: { data: { attributes: { body: 'Looks fine.', 'author-email-address': 'reviewer@example.com' } } },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json().meta['comment-id']).toMatch(/^ccom_/);

    expect(await caseEvents(t, kase.id)).toEqual([
      'case.created',
      'case.assigned',
      'case.updated',
      'case.updated',
      'case.updated',
      'case.updated',
      'case.objects-added',
      'case.objects-removed',
      'case.commented',
    ]);
  });

  it('redacts irreversibly: fields emptied, redacted-at set, later writes 409', async () => {
    const kase = await createCase(t, template.id, { attributes: { fields: { amount: 9, notes: 'secret' } } });
    const redacted = await t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${kase.id}`, headers: t.auth });
    expect(redacted.statusCode, redacted.body).toBe(200);
    expect(redacted.json().data.attributes['redacted-at']).toEqual(expect.any(String));
    expect(redacted.json().data.attributes.fields.notes.value).toBeNull();
    expectApiError(await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'x' }), 409);
    const stored = await t.db.collection(caseCollectionNames.cases).findOne({ _id: kase.id as never });
    expect(JSON.stringify(stored?.fields)).toBe('{}');
  });

  it('retrieves with include, and 404s unknown cases', async () => {
    const queue = await createQueue(t, 'Included');
    const kase = await createCase(t, template.id, { attributes: { 'case-queue-id': queue.id } });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${kase.id}?include=case-template,case-queue`,
      headers: t.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response.json().included.map((record: { type: string; id: string }) => `${record.type}:${record.id}`),
    ).toEqual([`case-template:${template.id}`, `case-queue:${queue.id}`]);
    expectApiError(await t.app.inject({ method: 'GET', url: '/api/v1/cases/case_missing', headers: t.auth }), 404);
    expectApiError(
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${kase.id}?include=owner`, headers: t.auth }),
      400,
    );
  });

  it('lists with filters, and GET /events filters by name, case and time', async () => {
    const own = await createTemplate(t);
    const first = await createCase(t, own.id);
    const second = await createCase(t, own.id);
    await caseAction(t, second.id, 'set-status', { status: 'declined' });
    const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: t.auth });

    const byTemplate = await list(`filter[case-template-id]=${own.id}`);
    expect(byTemplate.json().data.map((kase: { id: string }) => kase.id)).toEqual([second.id, first.id]);
    const declined = await list(`filter[case-template-id]=${own.id}&filter[status]=declined`);
    expect(declined.json().data.map((kase: { id: string }) => kase.id)).toEqual([second.id]);
    expectApiError(await list('filter[colour]=red'), 400);

    const events = await t.app.inject({
      method: 'GET',
      url: `/api/v1/events?filter[name]=case.resolved&filter[case-id]=${second.id}`,
      headers: t.auth,
    });
    expect(events.json().data).toHaveLength(1);
    expect(events.json().data[0].attributes).toMatchObject({ name: 'case.resolved', 'case-id': second.id });
    const future = await t.app.inject({
      method: 'GET',
      url: `/api/v1/events?filter[since]=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      headers: t.auth,
    });
    expect(future.json().data).toEqual([]);
  });
});
