import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseTemplateResource } from '@casework/shared';
import { caseCollectionNames } from '../../src/cases/case-collections.ts';
import { createCaseQueueRepository } from '../../src/cases/case-queue-repository.ts';
import { createCaseTemplateRepository } from '../../src/cases/case-template-repository.ts';
import { NotFoundError, UnprocessableError } from '../../src/platform/errors.ts';
import { createCaseTemplateService } from '../../src/cases/case-template-service.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const statuses = [
  { name: 'open', type: 'initial' },
  { name: 'in-review', type: 'intermediate' },
  { name: 'approved', type: 'end' },
  { name: 'declined', type: 'end' },
];

const templateBody = (key: string, overrides: Record<string, unknown> = {}) => ({
  data: { attributes: { name: `${key} review`, key, statuses, ...overrides } },
});

interface ListBody {
  data: CaseTemplateResource[];
  links: { prev: string | null; next: string | null };
}

describe('case templates', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: t.auth, ...(payload === undefined ? {} : { payload }) });
  const create = async (key: string, overrides: Record<string, unknown> = {}) => {
    const response = await api('POST', '/case-templates', templateBody(key, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { data: CaseTemplateResource }).data;
  };
  const createQueue = async (name = 'Escalations') => {
    const response = await api('POST', '/case-queues', { data: { attributes: { name } } });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { data: { id: string } }).data.id;
  };
  const templates = () => t.db.collection(caseCollectionNames.caseTemplates);
  const list = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: t.auth });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListBody;
  };

  describe('create and retrieve', () => {
    it('creates a template with defaults, and retrieves it as created', async () => {
      const fieldSchemas = [
        { key: 'amount', type: 'number', label: 'Amount', required: true },
        { key: 'risk', type: 'choice', config: { choices: ['low', 'high'] } },
      ];
      const response = await api('POST', '/case-templates', templateBody('KYC', { 'field-schemas': fieldSchemas }));
      expect(response.statusCode, response.body).toBe(201);
      const created = (response.json() as { data: CaseTemplateResource }).data;
      expect(created.type).toBe('case-template');
      expect(created.id).toMatch(/^ctmpl_[A-Za-z0-9_-]{24}$/);
      expect(created.attributes).toEqual({
        name: 'KYC review',
        key: 'KYC',
        statuses,
        'field-schemas': [fieldSchemas[0], { ...fieldSchemas[1], required: false }],
        'default-sla-seconds': null,
        'sla-breach-queue-id': null,
        status: 'active',
        'created-at': expect.any(String),
        'updated-at': created.attributes['created-at'],
      });
      const createdAt = created.attributes['created-at'];
      expect(new Date(createdAt).toISOString()).toBe(createdAt);

      const retrieved = await api('GET', `/case-templates/${created.id}`);
      expect(retrieved.statusCode).toBe(200);
      expect(retrieved.json()).toEqual({ data: created });
    });

    it('accepts an SLA and an active breach queue', async () => {
      const queueId = await createQueue();
      const created = await create('SLA', { 'default-sla-seconds': 3600, 'sla-breach-queue-id': queueId });
      expect(created.attributes).toMatchObject({ 'default-sla-seconds': 3600, 'sla-breach-queue-id': queueId });
    });

    it('answers 404 for an unknown id', async () => {
      const [error] = expectApiError(await api('GET', '/case-templates/ctmpl_abcdefghijklmnopqrstuvwx'), 404);
      expect(error?.details).toMatch(/ctmpl_abcdefghijklmnopqrstuvwx/);
    });
  });

  describe('rejected creates write nothing', () => {
    it.each([
      ['an unknown attribute', templateBody('KYC', { colour: 'red' }), '/data/attributes'],
      ['an unknown top-level key', { ...templateBody('KYC'), meta: {} }, '/'],
      ['a lower-case key', templateBody('kyc'), '/data/attributes/key'],
      ['a missing name', { data: { attributes: { key: 'KYC', statuses } } }, '/data/attributes/name'],
      [
        'an unknown status type',
        templateBody('KYC', { statuses: [{ name: 'a', type: 'odd' }] }),
        '/data/attributes/statuses/0/type',
      ],
      ['a string SLA', templateBody('KYC', { 'default-sla-seconds': '60' }), '/data/attributes/default-sla-seconds'],
    ])('answers 400 for %s', async (_name, body, pointer) => {
      const errors = expectApiError(await api('POST', '/case-templates', body), 400);
      expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
      expect(await templates().countDocuments()).toBe(0);
    });

    it('answers 422 with one error per broken rule, each with its pointer', async () => {
      const broken = [
        { name: 'open', type: 'intermediate' },
        { name: 'open', type: 'intermediate' },
      ];
      const fieldSchemas = [
        { key: 'amount', type: 'number' },
        { key: 'amount', type: 'string' },
      ];
      const response = await api(
        'POST',
        '/case-templates',
        templateBody('KYC', { statuses: broken, 'field-schemas': fieldSchemas }),
      );
      const errors = expectApiError(response, 422);
      expect(errors.map((error) => error.source?.pointer).sort()).toEqual([
        '/data/attributes/field-schemas/1/key',
        '/data/attributes/statuses',
        '/data/attributes/statuses',
        '/data/attributes/statuses/1/name',
      ]);
      expect(errors.map((error) => error.details).join(' ')).toMatch(/exactly one initial.*at least one end/);
      expect(await templates().countDocuments()).toBe(0);
    });

    it('answers 422 at sla-breach-queue-id for an unknown or archived queue', async () => {
      const unknown = templateBody('KYC', { 'sla-breach-queue-id': 'cqueue_abcdefghijklmnopqrstuvwx' });
      const [missing] = expectApiError(await api('POST', '/case-templates', unknown), 422);
      expect(missing?.source?.pointer).toBe('/data/attributes/sla-breach-queue-id');

      const queueId = await createQueue();
      expect((await api('POST', `/case-queues/${queueId}/archive`)).statusCode).toBe(200);
      const archived = templateBody('KYC', { 'sla-breach-queue-id': queueId });
      const [error] = expectApiError(await api('POST', '/case-templates', archived), 422);
      expect(error).toMatchObject({ source: { pointer: '/data/attributes/sla-breach-queue-id' } });
      expect(error?.details).toMatch(/archived/);
      expect(await templates().countDocuments()).toBe(0);
    });

    it('answers 409 at key for a taken key, also when it is archived', async () => {
      const first = await create('KYC');
      await api('POST', `/case-templates/${first.id}/archive`);
      const [error] = expectApiError(await api('POST', '/case-templates', templateBody('KYC')), 409);
      expect(error).toMatchObject({ title: 'Conflict', source: { pointer: '/data/attributes/key' } });
      expect(await templates().countDocuments()).toBe(1);
    });

    it('creates exactly one template when ten creates race for one key', async () => {
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => api('POST', '/case-templates', templateBody('RACE', { name: `n${i}` }))),
      );
      const codes = responses.map((response) => response.statusCode).sort();
      expect(codes).toEqual([201, ...Array<number>(9).fill(409)]);
      for (const response of responses.filter((r) => r.statusCode === 409)) expectApiError(response, 409);
      expect(await templates().countDocuments({ key: 'RACE' })).toBe(1);
    });
  });

  describe('list', () => {
    it('pages through 25 templates newest first, each exactly once, forwards and backwards', async () => {
      const created: string[] = [];
      for (let i = 0; i < 25; i++) created.push((await create(`P${i}`)).id);
      const newestFirst = [...created].reverse();

      const pages: ListBody[] = [await list('/api/v1/case-templates?page[size]=10')];
      for (let next = pages[0]?.links.next; next; next = pages.at(-1)?.links.next) pages.push(await list(next));
      expect(pages.map((page) => page.data.length)).toEqual([10, 10, 5]);
      expect(pages.flatMap((page) => page.data.map((template) => template.id))).toEqual(newestFirst);
      expect(pages[0]?.links.prev).toBeNull();
      expect(pages[2]?.links.next).toBeNull();
      expect(pages[1]?.links.next).toMatch(/^\/api\/v1\/case-templates\?page\[size\]=10&page\[after\]=ctmpl_/);

      // Backwards from the last page gives the same pages again.
      const back = [pages[2] as ListBody];
      for (let prev = back[0]?.links.prev; prev; prev = back.at(-1)?.links.prev) back.push(await list(prev));
      expect(back.map((page) => page.data.map((template) => template.id))).toEqual(
        [...pages].reverse().map((page) => page.data.map((template) => template.id)),
      );
    });

    it('defaults to 10 per page and filters by status, keeping the filter in the links', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await create(`F${i}`)).id);
      for (const id of ids.slice(0, 4))
        expect((await api('POST', `/case-templates/${id}/archive`)).statusCode).toBe(200);

      expect((await list('/api/v1/case-templates')).data).toHaveLength(10);
      const archived = await list('/api/v1/case-templates?filter[status]=archived&page[size]=3');
      expect(archived.data.map((template) => template.id)).toEqual(ids.slice(1, 4).reverse());
      expect(archived.links.next).toContain('filter[status]=archived');
      const rest = await list(archived.links.next as string);
      expect(rest.data.map((template) => template.id)).toEqual([ids[0]]);
      expect(rest.links.next).toBeNull();

      const active = await list('/api/v1/case-templates?filter[status]=active&page[size]=100');
      expect(active.data.map((template) => template.id)).toEqual(ids.slice(4).reverse());
    });

    it.each([
      ['an unknown filter', 'filter[colour]=red', 'filter[colour]'],
      ['an unknown status', 'filter[status]=deleted', 'filter[status]'],
      ['a page size of 0', 'page[size]=0', 'page[size]'],
      ['a page size over 100', 'page[size]=101', 'page[size]'],
    ])('answers 400 for %s', async (_name, query, parameter) => {
      const errors = expectApiError(await api('GET', `/case-templates?${query}`), 400);
      expect(JSON.stringify(errors)).toContain(parameter);
    });
  });

  describe('update', () => {
    it('replaces only the given attributes; the key stays', async () => {
      const template = await create('KYC', { 'field-schemas': [{ key: 'amount', type: 'number' }] });
      const newStatuses = [
        { name: 'new', type: 'initial' },
        { name: 'done', type: 'end' },
      ];
      const response = await api('PATCH', `/case-templates/${template.id}`, {
        data: { attributes: { name: 'Know your customer', statuses: newStatuses, 'default-sla-seconds': 60 } },
      });
      expect(response.statusCode, response.body).toBe(200);
      const updated = (response.json() as { data: CaseTemplateResource }).data;
      expect(updated).toEqual({
        ...template,
        attributes: {
          ...template.attributes,
          name: 'Know your customer',
          statuses: newStatuses,
          'default-sla-seconds': 60,
          'updated-at': expect.any(String),
        },
      });
      expect(updated.attributes['updated-at'] >= template.attributes['updated-at']).toBe(true);
      expect((await api('GET', `/case-templates/${template.id}`)).json()).toEqual({ data: updated });
    });

    it('sets and clears the breach queue', async () => {
      const template = await create('KYC');
      const queueId = await createQueue();
      const set = await api('PATCH', `/case-templates/${template.id}`, {
        data: { attributes: { 'sla-breach-queue-id': queueId } },
      });
      expect(set.json()).toMatchObject({ data: { attributes: { 'sla-breach-queue-id': queueId } } });
      const cleared = await api('PATCH', `/case-templates/${template.id}`, {
        data: { attributes: { 'sla-breach-queue-id': null } },
      });
      expect(cleared.json()).toMatchObject({ data: { attributes: { 'sla-breach-queue-id': null } } });
    });

    it('rejects invalid updates with the right status and pointer, writing nothing', async () => {
      const template = await create('KYC', {
        'field-schemas': [
          { key: 'a', type: 'string' },
          { key: 'b', type: 'string' },
        ],
      });
      const before = await templates().findOne({ _id: template.id as never });
      const patch = (attributes: Record<string, unknown>) =>
        api('PATCH', `/case-templates/${template.id}`, { data: { attributes } });

      expectApiError(await patch({ key: 'OTHER' }), 400);
      expectApiError(await patch({ status: 'archived' }), 400);
      const [noEnd] = expectApiError(
        await patch({
          statuses: [
            { name: 'open', type: 'initial' },
            { name: 'x', type: 'intermediate' },
          ],
        }),
        422,
      );
      expect(noEnd).toMatchObject({
        source: { pointer: '/data/attributes/statuses' },
        details: expect.stringMatching(/end/),
      });
      const [duplicate] = expectApiError(
        await patch({
          'field-schemas': [
            { key: 'a', type: 'string' },
            { key: 'a', type: 'number' },
          ],
        }),
        422,
      );
      expect(duplicate?.source?.pointer).toBe('/data/attributes/field-schemas/1/key');
      const [queue] = expectApiError(
        await patch({ name: 'x', 'sla-breach-queue-id': 'cqueue_abcdefghijklmnopqrstuvwx' }),
        422,
      );
      expect(queue?.source?.pointer).toBe('/data/attributes/sla-breach-queue-id');

      expect(await templates().findOne({ _id: template.id as never })).toEqual(before);
    });

    it('answers 404 for an unknown id', async () => {
      const response = await api('PATCH', '/case-templates/ctmpl_abcdefghijklmnopqrstuvwx', {
        data: { attributes: { name: 'x' } },
      });
      expectApiError(response, 404);
      expect(await templates().countDocuments()).toBe(0);
    });
  });

  describe('archive', () => {
    it('archives idempotently; edits keep it archived', async () => {
      const template = await create('KYC');
      const first = await api('POST', `/case-templates/${template.id}/archive`);
      expect(first.statusCode).toBe(200);
      const archived = (first.json() as { data: CaseTemplateResource }).data;
      expect(archived.attributes.status).toBe('archived');

      const again = await api('POST', `/case-templates/${template.id}/archive`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ data: archived });

      const edited = await api('PATCH', `/case-templates/${template.id}`, { data: { attributes: { name: 'Old' } } });
      expect(edited.json()).toMatchObject({ data: { attributes: { name: 'Old', status: 'archived' } } });
    });

    it('answers 404 for an unknown id', async () => {
      expectApiError(await api('POST', '/case-templates/ctmpl_abcdefghijklmnopqrstuvwx/archive'), 404);
    });
  });

  describe('the template a new case uses', () => {
    it('is the active template; 404 when missing, 422 when archived, both at case-template-id', async () => {
      const service = createCaseTemplateService({
        caseTemplates: createCaseTemplateRepository(t.db),
        caseQueues: createCaseQueueRepository(t.db),
        clock: () => new Date(),
      });
      const template = await create('KYC');
      expect(await service.getActiveForNewCase(template.id)).toMatchObject({ _id: template.id, key: 'KYC' });

      const missing = await service.getActiveForNewCase('ctmpl_abcdefghijklmnopqrstuvwx').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing).toMatchObject({ pointer: '/data/attributes/case-template-id' });

      await api('POST', `/case-templates/${template.id}/archive`);
      const archived = await service.getActiveForNewCase(template.id).catch((e: unknown) => e);
      expect(archived).toBeInstanceOf(UnprocessableError);
      expect(archived).toMatchObject({ pointer: '/data/attributes/case-template-id', message: /archived/ });
    });
  });
});
