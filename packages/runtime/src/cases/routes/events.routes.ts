import { errorDocumentSchema, eventListQuerySchema, eventListSchema } from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestUrl } from '../../platform/pagination.ts';
import { toEventResource } from '../case-mapper.ts';
import type { CaseService } from '../case-service.ts';

/** `GET /events`: every recorded event, newest first, filterable by name, case and time. */
export const eventRoutes: FastifyPluginAsyncZod<{ cases: CaseService }> = async (app, { cases }) => {
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
      const page = await cases.listEvents(
        { name: query['filter[name]'], 'case-id': query['filter[case-id]'], since: query['filter[since]'] },
        query,
        requestUrl(request.url),
      );
      return { data: page.items.map(toEventResource), links: page.links };
    },
  );
};
