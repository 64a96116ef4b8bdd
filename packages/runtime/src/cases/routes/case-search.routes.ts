import { caseQueueCountsSchema, caseSearchRequestSchema, caseSearchResultSchema } from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCaseResource } from '../case-mapper.ts';
import type { CaseSearchService } from '../case-search-service.ts';
import { errorResponses, routeDocs } from './case-route-helpers.ts';

/** The reviewer console's reads: `POST /cases/search` and the queue counts (docs/architecture.md, "Search"). */
export const caseSearchRoutes: FastifyPluginAsyncZod<{ search: CaseSearchService }> = async (app, { search }) => {
  app.post(
    '/cases/search',
    {
      schema: {
        ...routeDocs(
          'Search cases',
          'A boolean `query` (`and`, `or`, `not` over conditions on status, template, queue, assignee, tags, ' +
            'object ids, name, SLA state, dates and `fields.<key>`), `sort` (up to 3 keys, ties broken by case id) ' +
            'and cursor pages (`page.size` 1–100, `page.after` / `page.before` from `meta`). Reads only: any role ' +
            'that lists cases may search. A shape error is a 400, an operator or value an attribute does not take ' +
            'a 422, each pointing into the body.',
        ),
        body: caseSearchRequestSchema,
        response: { 200: caseSearchResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const page = await search.search(request.body);
      return {
        data: page.items.map(toCaseResource),
        meta: { 'page-after': page.pageAfter, 'page-before': page.pageBefore },
      };
    },
  );

  app.get(
    '/case-queues/counts',
    {
      schema: {
        tags: ['case-queues'],
        summary: 'Count open and breached cases per queue',
        description:
          'One entry per active queue: unresolved cases (`open-count`) and those of them whose SLA expired ' +
          '(`breached-count`); `meta.unqueued-open-count` counts unresolved cases in no queue.',
        security: [{ bearerAuth: [] }],
        response: { 200: caseQueueCountsSchema, ...errorResponses },
      },
    },
    async () => {
      const counts = await search.counts();
      return {
        data: counts.queues.map((queue) => ({
          type: 'case-queue-counts' as const,
          id: queue.id,
          attributes: { 'open-count': queue.open, 'breached-count': queue.breached },
        })),
        meta: { 'unqueued-open-count': counts.unqueuedOpen },
      };
    },
  );
};
