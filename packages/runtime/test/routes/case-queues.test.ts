import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseQueueResource } from '@casework/shared';
import { caseCollectionNames } from '../../src/cases/case-collections.ts';
import { createCaseQueueRepository } from '../../src/cases/case-queue-repository.ts';
import { NotFoundError, UnprocessableError } from '../../src/platform/errors.ts';
import { createCaseQueueService } from '../../src/cases/case-queue-service.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface ListBody {
  data: CaseQueueResource[];
  links: { prev: string | null; next: string | null };
}

describe('case queues', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: t.auth, ...(payload === undefined ? {} : { payload }) });
  const create = async (attributes: Record<string, unknown>) => {
    const response = await api('POST', '/case-queues', { data: { attributes } });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { data: CaseQueueResource }).data;
  };
  const queues = () => t.db.collection(caseCollectionNames.caseQueues);
  const list = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: t.auth });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListBody;
  };

  it('creates a queue and retrieves it as created', async () => {
    const created = await create({ name: 'Escalations', description: 'Breached SLAs land here' });
    expect(created).toEqual({
      type: 'case-queue',
      id: expect.stringMatching(/^cqueue_[A-Za-z0-9_-]{24}$/),
      attributes: {
        name: 'Escalations',
        description: 'Breached SLAs land here',
        status: 'active',
        'created-at': expect.any(String),
        'updated-at': created.attributes['created-at'],
      },
    });
    expect(new Date(created.attributes['created-at']).toISOString()).toBe(created.attributes['created-at']);
    expect((await create({ name: 'Plain' })).attributes.description).toBeNull();

    const retrieved = await api('GET', `/case-queues/${created.id}`);
    expect(retrieved.statusCode).toBe(200);
    expect(retrieved.json()).toEqual({ data: created });
  });

  it.each([
    ['an unknown attribute', { data: { attributes: { name: 'Q', colour: 'red' } } }, '/data/attributes'],
    ['an unknown top-level key', { data: { attributes: { name: 'Q' } }, meta: {} }, '/'],
    ['an empty name', { data: { attributes: { name: '' } } }, '/data/attributes/name'],
    ['a numeric description', { data: { attributes: { name: 'Q', description: 1 } } }, '/data/attributes/description'],
  ])('answers 400 for %s and writes nothing', async (_name, body, pointer) => {
    const errors = expectApiError(await api('POST', '/case-queues', body), 400);
    expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
    expect(await queues().countDocuments()).toBe(0);
  });

  it('pages through 25 queues newest first, each exactly once, forwards and backwards', async () => {
    const created: string[] = [];
    for (let i = 0; i < 25; i++) created.push((await create({ name: `Q${i}` })).id);

    const pages: ListBody[] = [await list('/api/v1/case-queues?page[size]=10')];
    for (let next = pages[0]?.links.next; next; next = pages.at(-1)?.links.next) pages.push(await list(next));
    expect(pages.map((page) => page.data.length)).toEqual([10, 10, 5]);
    expect(pages.flatMap((page) => page.data.map((queue) => queue.id))).toEqual([...created].reverse());
    expect(pages[0]?.links.prev).toBeNull();

    const previous = await list(pages[2]?.links.prev as string);
    expect(previous.data.map((queue) => queue.id)).toEqual(pages[1]?.data.map((queue) => queue.id));
  });

  it('filters by status', async () => {
    const [a, b, c] = [await create({ name: 'A' }), await create({ name: 'B' }), await create({ name: 'C' })];
    await api('POST', `/case-queues/${b.id}/archive`);
    const ids = async (query: string) => (await list(`/api/v1/case-queues?${query}`)).data.map((queue) => queue.id);
    expect(await ids('filter[status]=archived')).toEqual([b.id]);
    expect(await ids('filter[status]=active')).toEqual([c.id, a.id]);
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expectApiError(await api('GET', '/case-queues?filter[name]=A'), 400);
  });

  it('archives idempotently', async () => {
    const queue = await create({ name: 'Old' });
    const first = await api('POST', `/case-queues/${queue.id}/archive`);
    expect(first.statusCode).toBe(200);
    const archived = (first.json() as { data: CaseQueueResource }).data;
    expect(archived.attributes.status).toBe('archived');
    const again = await api('POST', `/case-queues/${queue.id}/archive`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ data: archived });
    expect((await api('GET', `/case-queues/${queue.id}`)).json()).toEqual({ data: archived });
  });

  it('answers 404 for unknown ids', async () => {
    expectApiError(await api('GET', '/case-queues/cqueue_abcdefghijklmnopqrstuvwx'), 404);
    expectApiError(await api('POST', '/case-queues/cqueue_abcdefghijklmnopqrstuvwx/archive'), 404);
    expect(await queues().countDocuments()).toBe(0);
  });

  it('gives cases only active queues: 404 when missing, 422 when archived, at the caller’s pointer', async () => {
    const service = createCaseQueueService({ caseQueues: createCaseQueueRepository(t.db), clock: () => new Date() });
    const pointer = '/data/attributes/case-queue-id';
    const queue = await create({ name: 'Active' });
    expect(await service.getActiveQueue(queue.id, pointer)).toMatchObject({ _id: queue.id, name: 'Active' });

    const missing = await service.getActiveQueue('cqueue_abcdefghijklmnopqrstuvwx', pointer).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ pointer });

    await api('POST', `/case-queues/${queue.id}/archive`);
    const archived = await service.getActiveQueue(queue.id, pointer).catch((e: unknown) => e);
    expect(archived).toBeInstanceOf(UnprocessableError);
    expect(archived).toMatchObject({ pointer, message: /archived/ });
  });
});
