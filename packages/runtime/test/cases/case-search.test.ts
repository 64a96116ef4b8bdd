import type { CaseSearchQuery } from '@casework/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseDocument, type CaseDocument } from '../../src/cases/case-collections.ts';
import { createCaseRepository } from '../../src/cases/case-repository.ts';
import { newId } from '../../src/platform/ids.ts';
import { createKey } from '../access/access-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { caseAction, createCase, createQueue, createTemplate, type CaseBody } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface SearchBody {
  data: CaseBody[];
  meta: { 'page-after': string | null; 'page-before': string | null };
}

// `POST /cases/search` on the real stack: cases made through the API (one breached case stored as the SLA timer
// leaves it), then queries whose answers a reviewer would check by eye. Every case of the test's template carries the
// template id, so each query is scoped to this test's cases.
describe('POST /cases/search', () => {
  let t: TestApp;
  let templateId: string;
  let review: string;
  let escalations: string;
  let emptyQueue: string;
  const byName = new Map<string, CaseBody>();

  const search = (payload: unknown, headers: Record<string, string> = t.auth) =>
    t.app.inject({ method: 'POST', url: '/api/v1/cases/search', headers, payload: payload as object });
  const ok = async (payload: object): Promise<SearchBody> => {
    const response = await search(payload);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const scoped = (query?: CaseSearchQuery): CaseSearchQuery => ({
    and: [{ attribute: 'case-template-id', operator: 'eq', value: templateId }, ...(query ? [query] : [])],
  });
  /** The labels (`notes`) of the cases a query finds, sorted: which cases, whatever the order. */
  const labels = async (query?: CaseSearchQuery) =>
    (await ok({ query: scoped(query), page: { size: 100 } })).data
      .map((kase) => String(kase.attributes.fields.notes?.value))
      .sort();

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    templateId = (await createTemplate(t)).id;
    review = (await createQueue(t, 'Review')).id;
    escalations = (await createQueue(t, 'Escalations')).id;
    emptyQueue = (await createQueue(t, 'Nobody here')).id;
    const make = async (notes: string, fields: object, extra: { queue?: string; sla?: number; objects?: string[] }) => {
      const kase = await createCase(t, templateId, {
        attributes: { fields: { notes, ...fields }, ...(extra.queue ? { 'case-queue-id': extra.queue } : {}) },
        meta: {
          ...(extra.sla ? { 'sla-expires-in-seconds': extra.sla } : {}),
          ...(extra.objects ? { 'object-ids': extra.objects } : {}),
        },
      });
      byName.set(notes, kase);
      return kase;
    };
    // alpha: review queue, assigned, tagged vip, SLA due within the hour.
    const alpha = await make('alpha', { amount: 50, country: 'DE', due: '2026-03-01' }, { queue: review, sla: 1800 });
    expect((await caseAction(t, alpha.id, 'assign', { 'user-email-address': 'ann@example.com' })).statusCode).toBe(200);
    expect((await caseAction(t, alpha.id, 'set-tags', { 'tag-name': ['vip', 'pep'] })).statusCode).toBe(200);
    // beta: review queue, SLA running (two hours), an inquiry attached, big amount.
    await make(
      'beta',
      { amount: 1500, country: 'US', due: '2026-07-15' },
      {
        queue: review,
        sla: 7200,
        objects: ['inq_5cNxZX3vMy7ACoqYbHQBbNyA'],
      },
    );
    // gamma: escalations, approved (resolved), tagged vip.
    const gamma = await make('gamma', { amount: 100, country: 'FR', flags: ['Sanctions HIT'] }, { queue: escalations });
    expect((await caseAction(t, gamma.id, 'add-tag', { 'tag-name': 'vip' })).statusCode).toBe(200);
    expect((await caseAction(t, gamma.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);
    // delta: no queue, nothing else.
    await make('delta', { amount: 99.5 }, {});
    // epsilon: escalations, SLA breached (as the SLA timer leaves a case), still open.
    const epsilon = await make('epsilon', { amount: 7 }, { queue: escalations, sla: 3600 });
    await t.db
      .collection('cases')
      .updateOne(
        { _id: epsilon.id as never },
        { $set: { slaExpiresAt: new Date(Date.now() - 60_000), slaExpiredAt: new Date(Date.now() - 59_000) } },
      );
  }, 180_000);
  afterAll(async () => t.close());

  it('answers case resources exactly as GET /cases does, newest first', async () => {
    const body = await ok({ query: scoped() });
    expect(body.data.map((kase) => kase.attributes.fields.notes?.value)).toEqual([
      'epsilon',
      'delta',
      'gamma',
      'beta',
      'alpha',
    ]);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases?filter[case-template-id]=${templateId}`,
      headers: t.auth,
    });
    expect(body.data).toEqual(listed.json().data);
    expect(body.meta).toEqual({ 'page-after': null, 'page-before': null });
  });

  it('answers another method with 405 and Allow: POST, though /cases/{id} matches the path too', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/api/v1/cases/search', headers: t.auth, payload: {} });
    expectApiError(response, 405);
    expect(response.headers.allow).toBe('POST');
  });

  it('searches every case without a body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/cases/search', headers: t.auth });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as SearchBody).data.length).toBeGreaterThanOrEqual(5);
  });

  it.each<[string, CaseSearchQuery, string[]]>([
    ['status', { attribute: 'status', operator: 'ne', value: 'open' }, ['gamma']],
    ['queue', { attribute: 'case-queue-id', operator: 'eq', value: '<review>' }, ['alpha', 'beta']],
    [
      'queue any of',
      { attribute: 'case-queue-id', operator: 'in', value: ['<review>', '<escalations>'] },
      ['alpha', 'beta', 'epsilon', 'gamma'],
    ],
    ['no queue', { attribute: 'case-queue-id', operator: 'exists', value: false }, ['delta']],
    ['assignee', { attribute: 'assignee-id', operator: 'eq', value: 'ann@example.com' }, ['alpha']],
    [
      'unassigned',
      { attribute: 'assignee-id', operator: 'exists', value: false },
      ['beta', 'delta', 'epsilon', 'gamma'],
    ],
    ['tag', { attribute: 'tags', operator: 'contains', value: 'vip' }, ['alpha', 'gamma']],
    ['none of the tags', { attribute: 'tags', operator: 'nin', value: ['vip', 'pep'] }, ['beta', 'delta', 'epsilon']],
    ['attached object', { attribute: 'object-id', operator: 'eq', value: 'inq_5cNxZX3vMy7ACoqYbHQBbNyA' }, ['beta']],
    ['resolved', { attribute: 'resolved', operator: 'eq', value: true }, ['gamma']],
    ['resolved at set', { attribute: 'resolved-at', operator: 'exists', value: true }, ['gamma']],
    ['SLA none', { attribute: 'sla-state', operator: 'eq', value: 'none' }, ['delta', 'gamma']],
    ['SLA running', { attribute: 'sla-state', operator: 'eq', value: 'running' }, ['alpha', 'beta']],
    ['SLA due soon', { attribute: 'sla-state', operator: 'eq', value: 'due-soon' }, ['alpha']],
    ['SLA breached', { attribute: 'sla-state', operator: 'eq', value: 'breached' }, ['epsilon']],
    [
      'SLA due soon or breached',
      { attribute: 'sla-state', operator: 'in', value: ['due-soon', 'breached'] },
      ['alpha', 'epsilon'],
    ],
    ['number field above', { attribute: 'fields.amount', operator: 'gt', value: 99.5 }, ['beta', 'gamma']],
    [
      'number field range',
      {
        and: [
          { attribute: 'fields.amount', operator: 'gte', value: 7 },
          { attribute: 'fields.amount', operator: 'lte', value: 50 },
        ],
      },
      ['alpha', 'epsilon'],
    ],
    ['choice field', { attribute: 'fields.country', operator: 'in', value: ['DE', 'FR'] }, ['alpha', 'gamma']],
    ['date field', { attribute: 'fields.due', operator: 'gte', value: '2026-06-01' }, ['beta']],
    ['text field, any case', { attribute: 'fields.notes', operator: 'contains', value: 'LPH' }, ['alpha']],
    [
      'list field item, any case',
      { attribute: 'fields.flags', operator: 'contains', value: 'sanctions hit' },
      ['gamma'],
    ],
    ['field missing', { attribute: 'fields.country', operator: 'exists', value: false }, ['delta', 'epsilon']],
    [
      'or',
      {
        or: [
          { attribute: 'tags', operator: 'contains', value: 'pep' },
          { attribute: 'sla-state', operator: 'eq', value: 'breached' },
        ],
      },
      ['alpha', 'epsilon'],
    ],
    ['not', { not: { attribute: 'case-queue-id', operator: 'eq', value: '<review>' } }, ['delta', 'epsilon', 'gamma']],
    [
      'and / or / not together',
      {
        and: [
          {
            or: [
              { attribute: 'case-queue-id', operator: 'eq', value: '<review>' },
              { attribute: 'case-queue-id', operator: 'eq', value: '<escalations>' },
            ],
          },
          { not: { attribute: 'resolved', operator: 'eq', value: true } },
          {
            not: {
              and: [
                { attribute: 'tags', operator: 'contains', value: 'vip' },
                { attribute: 'assignee-id', operator: 'exists', value: true },
              ],
            },
          },
        ],
      },
      ['beta', 'epsilon'],
    ],
  ])('finds by %s', async (_, query, expected) => {
    const ids = JSON.stringify(query).replaceAll('<review>', review).replaceAll('<escalations>', escalations);
    expect(await labels(JSON.parse(ids) as CaseSearchQuery)).toEqual(expected);
  });

  it('finds by name, ignoring case, and reads regex syntax as plain text', async () => {
    const alpha = byName.get('alpha');
    const name = String(alpha?.attributes.name);
    expect(await labels({ attribute: 'name', operator: 'contains', value: name.toLowerCase() })).toContain('alpha');
    expect(await labels({ attribute: 'name', operator: 'eq', value: name })).toEqual(['alpha']);
    expect(await labels({ attribute: 'name', operator: 'contains', value: '.*' })).toEqual([]);
    expect(await labels({ attribute: 'fields.notes', operator: 'contains', value: 'a\u0000\n(' })).toEqual([]);
    expect(await labels({ attribute: 'name', operator: 'contains', value: '-' })).toHaveLength(5);
  });

  it('finds by creation time', async () => {
    const beta = byName.get('beta');
    const at = String(beta?.attributes['created-at']);
    expect(await labels({ attribute: 'created-at', operator: 'gt', value: at })).toEqual(['delta', 'epsilon', 'gamma']);
    expect(await labels({ attribute: 'created-at', operator: 'lte', value: at })).toEqual(['alpha', 'beta']);
  });

  it('sorts by several keys, nulls first ascending', async () => {
    const body = await ok({
      query: scoped(),
      sort: [
        { attribute: 'sla-expires-at', direction: 'asc' },
        { attribute: 'name', direction: 'desc' },
      ],
    });
    // No SLA (gamma, delta: newer name first), then the breached one, then by deadline.
    expect(body.data.map((kase) => kase.attributes.fields.notes?.value)).toEqual([
      'delta',
      'gamma',
      'epsilon',
      'alpha',
      'beta',
    ]);
  });

  it('counts open and breached cases per active queue, and open cases in no queue', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/case-queues/counts', headers: t.auth });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      data: { type: string; id: string; attributes: Record<string, number> }[];
      meta: Record<string, number>;
    };
    const counts = Object.fromEntries(body.data.map((entry) => [entry.id, entry.attributes]));
    expect(body.data.every((entry) => entry.type === 'case-queue-counts')).toBe(true);
    expect(counts[review]).toEqual({ 'open-count': 2, 'breached-count': 0 });
    expect(counts[escalations]).toEqual({ 'open-count': 1, 'breached-count': 1 });
    expect(counts[emptyQueue]).toEqual({ 'open-count': 0, 'breached-count': 0 });
    expect(body.meta['unqueued-open-count']).toBeGreaterThanOrEqual(1);

    // A case resolved leaves its queue's open count at once.
    const beta = byName.get('beta');
    expect((await caseAction(t, beta?.id ?? '', 'set-status', { status: 'declined' })).statusCode).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/v1/case-queues/counts', headers: t.auth })
    ).json() as {
      data: { id: string; attributes: Record<string, number> }[];
    };
    expect(after.data.find((entry) => entry.id === review)?.attributes['open-count']).toBe(1);
    expect((await caseAction(t, beta?.id ?? '', 'set-status', { status: 'open' })).statusCode).toBe(200);
  });

  describe('refuses bad input in the error format, pointing at it', () => {
    it.each<[string, object, number, string]>([
      [
        'an unknown operator',
        {
          query: {
            and: [
              { attribute: 'status', operator: 'eq', value: 'a' },
              { attribute: 'status', operator: 'like', value: 'a' },
            ],
          },
        },
        400,
        '/query/and/1/operator',
      ],
      [
        'an unknown attribute',
        { query: { attribute: 'colour', operator: 'eq', value: 'red' } },
        400,
        '/query/attribute',
      ],
      [
        'an operator value (no injection)',
        { query: { attribute: 'status', operator: 'eq', value: { $ne: null } } },
        400,
        '/query/value',
      ],
      ['an unknown key', { query: { attribute: 'status', operator: 'eq', value: 'a', $where: '1' } }, 400, '/query'],
      [
        'a text over 200 characters',
        { query: { attribute: 'name', operator: 'contains', value: 'x'.repeat(201) } },
        400,
        '/query/value',
      ],
      [
        'more than 100 values',
        { query: { attribute: 'status', operator: 'in', value: Array.from({ length: 101 }, String) } },
        400,
        '/query/value',
      ],
      ['an unknown sort attribute', { sort: [{ attribute: 'colour', direction: 'asc' }] }, 400, '/sort/0/attribute'],
      ['a page too large', { page: { size: 101 } }, 400, '/page/size'],
      [
        'an operator the attribute does not take',
        { query: { and: [{ not: { attribute: 'tags', operator: 'gt', value: 'a' } }] } },
        422,
        '/query/and/0/not/operator',
      ],
      [
        'a value the operator does not take',
        { query: { attribute: 'sla-state', operator: 'eq', value: 'late' } },
        422,
        '/query/value',
      ],
      ['a forged cursor', { page: { after: 'eyJzIjoiYSJ9' } }, 422, '/page/after'],
      ['both cursors', { page: { after: 'x', before: 'y' } }, 422, '/page/before'],
      [
        'a sort key twice',
        { sort: [{ attribute: 'name' }, { attribute: 'name', direction: 'desc' }] },
        422,
        '/sort/1/attribute',
      ],
    ])('%s', async (_, payload, status, pointer) => {
      const errors = expectApiError(await search(payload), status);
      expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
    });

    it('a cursor of another sort order', async () => {
      const first = await ok({ query: scoped(), page: { size: 2 } });
      const cursor = first.meta['page-after'];
      expect(cursor).not.toBeNull();
      const errors = expectApiError(
        await search({ query: scoped(), sort: [{ attribute: 'name' }], page: { after: cursor } }),
        422,
      );
      expect(errors[0]?.details).toMatch(/another sort order/);
    });
  });

  it('lets every role that lists cases search, and no other', async () => {
    for (const role of ['viewer', 'reviewer', 'designer'] as const) {
      const { headers } = await createKey(t, role);
      expect((await search({ query: scoped() }, headers)).statusCode).toBe(200);
      const counts = await t.app.inject({ method: 'GET', url: '/api/v1/case-queues/counts', headers });
      expect(counts.statusCode).toBe(200);
    }
    const trigger = await createKey(t, 'trigger');
    expectApiError(await search({ query: scoped() }, trigger.headers), 403);
    expectApiError(await search({ query: scoped() }, {}), 401);
  });
});

// Paging: cases stored as bulk imports do (fast), many sharing sort values, walked page by page in both directions
// while new cases arrive and others change.
describe('POST /cases/search pages', () => {
  const TOTAL = 60;
  const templateId = newId('caseTemplate');
  let t: TestApp;
  let created = 0;

  const seeded = (i: number): CaseDocument => {
    const createdAt = new Date(Date.UTC(2026, 10, 1) + (i % 13) * 60_000);
    return newCaseDocument(
      {
        _id: newId('case', createdAt.getTime()),
        name: `PAGE-${i % 9}`,
        templateId,
        statuses: [
          { name: 'Open', type: 'initial' },
          { name: 'Done', type: 'end' },
        ],
        fieldSchemas: [],
        status: i % 4 === 0 ? 'Done' : 'Open',
        fields: {},
      },
      createdAt,
      {
        resolvedAt: i % 4 === 0 ? createdAt : null,
        // A third without a deadline, the rest on five distinct deadlines.
        slaExpiresAt: i % 3 === 0 ? null : new Date(Date.UTC(2026, 11, 1) + (i % 5) * 3_600_000),
      },
    );
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    await createCaseRepository(t.db).importMany(Array.from({ length: TOTAL }, (_, i) => seeded(i)));
    created = TOTAL;
  });
  afterAll(async () => t.close());

  const query: CaseSearchQuery = { attribute: 'case-template-id', operator: 'eq', value: templateId };
  const page = async (sort: object[], cursor: object = {}, size = 7) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases/search',
      headers: t.auth,
      payload: { query, sort, page: { size, ...cursor } },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SearchBody;
  };
  const ids = (body: SearchBody) => body.data.map((kase) => kase.id);

  it.each([
    ['newest first', [{ attribute: 'created-at', direction: 'desc' }]],
    ['deadline, nulls first', [{ attribute: 'sla-expires-at', direction: 'asc' }]],
    ['deadline descending, then name', [{ attribute: 'sla-expires-at', direction: 'desc' }, { attribute: 'name' }]],
    [
      'resolved, status, name',
      [
        { attribute: 'resolved-at', direction: 'desc' },
        { attribute: 'status' },
        { attribute: 'name', direction: 'desc' },
      ],
    ],
  ])('walks %s forward and back without duplicates or gaps', async (_, sort) => {
    const all = ids(await page(sort, {}, 100));
    expect(all).toHaveLength(created);

    const forward: string[][] = [];
    let body = await page(sort);
    expect(body.meta['page-before']).toBeNull();
    forward.push(ids(body));
    while (body.meta['page-after']) {
      body = await page(sort, { after: body.meta['page-after'] });
      forward.push(ids(body));
    }
    expect(forward.flat()).toEqual(all);
    expect(forward.slice(0, -1).every((items) => items.length === 7)).toBe(true);

    // From the last page back to the first, through the same pages.
    const backward: string[][] = [ids(body)];
    while (body.meta['page-before']) {
      body = await page(sort, { before: body.meta['page-before'] });
      backward.unshift(ids(body));
    }
    expect(backward.flat()).toEqual(all);
    expect(backward[0]).toEqual(forward[0]);
  });

  it('keeps its place while cases are created and changed', async () => {
    const sort = [{ attribute: 'created-at', direction: 'desc' }];
    const before = ids(await page(sort, {}, 100));
    const first = await page(sort);
    // Newer cases arrive, and a case already seen and one not yet seen change (not in a sort key).
    const repository = createCaseRepository(t.db);
    const newer = Array.from({ length: 3 }, (_, i) => ({ ...seeded(i), createdAt: new Date(), _id: newId('case') }));
    await repository.importMany(newer);
    created += newer.length;
    for (const id of [before[1], before[30]]) {
      await t.db.collection('cases').updateOne({ _id: id as never }, { $set: { status: 'Done' } });
    }
    const rest: string[] = [];
    let body = first;
    while (body.meta['page-after']) {
      body = await page(sort, { after: body.meta['page-after'] });
      rest.push(...ids(body));
    }
    expect([...ids(first), ...rest]).toEqual(before);
    // Going back from the second page shows the newcomers ahead of the first page.
    const second = await page(sort, { after: first.meta['page-after'] });
    const back = await page(sort, { before: second.meta['page-before'] }, 10);
    const newest = newer
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))
      .map((kase) => kase._id);
    expect(ids(back)).toEqual([...newest, ...ids(first)]);
  });
});
