import { errorDocumentSchema, eventListQuerySchema, eventListSchema } from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestUrl } from '../../lib/pagination.ts';
import { toEventResource } from '../../services/case-mapper.ts';
import type { CaseService } from '../../services/case-service.ts';
import type { EventPublisher } from '../../services/event-publisher.ts';

/** `GET /events`: every recorded event, newest first, filterable by name, case and time. */
export const eventRoutes: FastifyPluginAsyncZod<{ cases: CaseService; publisher: EventPublisher }> = async (
  app,
  { cases, publisher },
) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'List events',
        description:
          'Newest first, cursor-paginated; `filter[name]`, `filter[case-id]`, `filter[since]` (ISO date-time).',
        security: [{ bearerAuth: [] }],
        querystring: eventListQuerySchema,
        response: {
          200: eventListSchema,
          400: errorDocumentSchema,
          401: errorDocumentSchema,
          429: errorDocumentSchema,
        },
      },
    },
    async (request) => {
      const { query } = request;
      // As on a case's timeline, a case's own events are caught up before they are read. Unfiltered lists rely on
      // the writer and the sweeper: catching up every case here would scan all revisions on each request.
      const caseId = query['filter[case-id]'];
      if (caseId) await publisher.publishPending({ caseId });
      const page = await cases.listEvents(
        { name: query['filter[name]'], 'case-id': query['filter[case-id]'], since: query['filter[since]'] },
        query,
        requestUrl(request.url),
      );
      return { data: page.items.map(toEventResource), links: page.links };
    },
  );
};
