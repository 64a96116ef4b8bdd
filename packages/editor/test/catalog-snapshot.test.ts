import { caseQueueListSchema, compile } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/api/api-client.ts';
import { fetchAllPages, fetchCatalog } from '../src/api/catalog-api.ts';
import { ApiRequestError } from '../src/api/api-error.ts';
import { toCatalogSnapshot } from '../src/api/catalog-snapshot.ts';
import { queueResource, templateResource, workflowResource } from './fixtures/api-resources.ts';
import { reviewWorkflow } from './fixtures/review-workflow.ts';

/** A client answering from a table of paths, recording what was asked. */
function tableClient(pages: Record<string, unknown>) {
  const asked: string[] = [];
  const client: ApiClient = {
    request: (path, schema, options) => {
      const query = options?.query ? `?${new URLSearchParams(options.query as Record<string, string>)}` : '';
      asked.push(`${path}${query}`);
      const parsed = schema.safeParse(pages[path]);
      if (!parsed.success) return Promise.reject(new Error(`no page for ${path}`));
      return Promise.resolve(parsed.data);
    },
  };
  return { client, asked };
}

describe('toCatalogSnapshot', () => {
  it("maps templates (key, statuses, field schemas, status) and queues to the compiler's snapshot", () => {
    const snapshot = toCatalogSnapshot(
      [templateResource('ctmpl_a', 'KYC', 'active'), templateResource('ctmpl_b', 'OLD', 'archived')],
      [queueResource('cqueue_a', 'active'), queueResource('cqueue_b', 'archived')],
    );
    expect(snapshot).toEqual({
      templates: [
        {
          id: 'ctmpl_a',
          key: 'KYC',
          statuses: [
            { name: 'open', type: 'initial' },
            { name: 'approved', type: 'end' },
          ],
          fieldSchemas: [{ key: 'amount', type: 'number', label: 'Amount', required: true }],
          status: 'active',
        },
        expect.objectContaining({ id: 'ctmpl_b', key: 'OLD', status: 'archived' }),
      ],
      queues: [
        { id: 'cqueue_a', status: 'active', name: 'Queue cqueue_a' },
        { id: 'cqueue_b', status: 'archived', name: 'Queue cqueue_b' },
      ],
      workflows: [],
    });
  });

  it('lets the compiler find a graph naming an unknown template', () => {
    const graph = reviewWorkflow();
    const result = compile(graph, toCatalogSnapshot([templateResource('ctmpl_a', 'KYC', 'active')], []));
    expect(result.issues.map((found) => found.code)).toContain('unknown-template');
  });
});

describe('fetchCatalog', () => {
  it('follows links.next through every page of templates and queues', async () => {
    const next = '/api/v1/case-templates?page[size]=100&page[after]=ctmpl_a';
    const { client, asked } = tableClient({
      '/case-templates': { data: [templateResource('ctmpl_a', 'KYC', 'active')], links: { prev: null, next } },
      [next]: { data: [templateResource('ctmpl_b', 'AML', 'active')], links: { prev: null, next: null } },
      '/case-queues': { data: [queueResource('cqueue_a', 'active')], links: { prev: null, next: null } },
      '/secrets': { data: [], links: { prev: null, next: null } },
      '/workflows': { data: [workflowResource({ name: 'Callable' })], links: { prev: null, next: null } },
    });
    const catalog = await fetchCatalog(client);
    expect(catalog.workflows?.map((workflow) => workflow.name)).toEqual(['Callable']);
    expect(catalog.templates.map((template) => template.key)).toEqual(['KYC', 'AML']);
    expect(catalog.queues).toEqual([{ id: 'cqueue_a', status: 'active', name: 'Queue cqueue_a' }]);
    expect(asked).toEqual([
      '/case-templates?page%5Bsize%5D=100',
      '/case-queues?page%5Bsize%5D=100',
      '/workflows?page%5Bsize%5D=100',
      '/secrets',
      next, // a link is called as it is, without adding the page size again
    ]);
  });

  it('lists the secrets by name when the role may, and leaves them out (unchecked) when it gets a 403', async () => {
    const empty = { data: [], links: { prev: null, next: null } };
    const secret = {
      type: 'secret',
      id: 'hook-secret',
      attributes: {
        name: 'hook-secret',
        'created-at': '2026-12-05T10:00:00.000Z',
        'updated-at': '2026-12-05T10:00:00.000Z',
      },
    };
    const { client } = tableClient({
      '/case-templates': empty,
      '/case-queues': empty,
      '/workflows': empty,
      '/secrets': { data: [secret], links: { prev: null, next: null } },
    });
    expect((await fetchCatalog(client)).secrets).toEqual([{ name: 'hook-secret' }]);

    const forbidden: ApiClient = {
      request: (path, schema, options) =>
        path === '/secrets'
          ? Promise.reject(new ApiRequestError({ kind: 'http', status: 403, messages: ['The viewer role may not'] }))
          : tableClient({ '/case-templates': empty, '/case-queues': empty, '/workflows': empty }).client.request(
              path,
              schema,
              options,
            ),
    };
    const catalog = await fetchCatalog(forbidden);
    expect(catalog).toEqual({ templates: [], queues: [], workflows: [] });
    expect('secrets' in catalog).toBe(false);
  });

  it('stops following a link that never ends', async () => {
    const loop = '/api/v1/case-queues?page[after]=cqueue_a';
    const page = { data: [queueResource('cqueue_a', 'active')], links: { prev: null, next: loop } };
    const { client, asked } = tableClient({ '/case-queues': page, [loop]: page });
    const queues = await fetchAllPages(client, '/case-queues', caseQueueListSchema);
    expect(asked).toHaveLength(100);
    expect(queues).toHaveLength(100);
  });
});
