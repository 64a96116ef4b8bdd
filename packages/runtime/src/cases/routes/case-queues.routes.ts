import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseQueueDocumentSchema,
  caseQueueListQuerySchema,
  caseQueueListSchema,
  createCaseQueueRequestSchema,
  errorDocumentSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { CaseQueueService } from '../case-queue-service.ts';

const params = z.object({ id: z.string().min(1).max(100) });
const tags = ['case-queues'];
const security = [{ bearerAuth: [] }];
const e400 = { 400: errorDocumentSchema, 401: errorDocumentSchema };
const e404 = { ...e400, 404: errorDocumentSchema };

/** `/api/v1/case-queues`: where cases wait to be worked on (docs/architecture.md, "Cases"). */
export const caseQueueRoutes: FastifyPluginAsyncZod<{ caseQueues: CaseQueueService }> = async (app, { caseQueues }) => {
  app.post(
    '/case-queues',
    {
      schema: {
        tags,
        summary: 'Create a case queue',
        security,
        body: createCaseQueueRequestSchema,
        response: { 201: caseQueueDocumentSchema, ...e400 },
      },
    },
    async (request, reply) => {
      const data = await caseQueues.create(request.body.data.attributes);
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/case-queues',
    {
      schema: {
        tags,
        summary: 'List case queues',
        description: 'Newest first, cursor-paginated with `page[size|after|before]`; filter by `filter[status]`.',
        security,
        querystring: caseQueueListQuerySchema,
        response: { 200: caseQueueListSchema, ...e400 },
      },
    },
    async (request) => caseQueues.list(request.query, requestUrl(request.url)),
  );

  app.get(
    '/case-queues/:id',
    {
      schema: {
        tags,
        summary: 'Retrieve a case queue',
        security,
        params,
        response: { 200: caseQueueDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await caseQueues.get(request.params.id) }),
  );

  app.post(
    '/case-queues/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a case queue',
        description: 'Idempotent. An archived queue cannot receive cases or be a template’s SLA breach queue.',
        security,
        params,
        response: { 200: caseQueueDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await caseQueues.archive(request.params.id) }),
  );
};
