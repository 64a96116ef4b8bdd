import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseTemplateDocumentSchema,
  caseTemplateListQuerySchema,
  caseTemplateListSchema,
  createCaseTemplateRequestSchema,
  errorDocumentSchema,
  updateCaseTemplateRequestSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { CaseTemplateService } from '../case-template-service.ts';

const params = z.object({ id: z.string().min(1).max(100) });
const tags = ['case-templates'];
const security = [{ bearerAuth: [] }];
const e400 = { 400: errorDocumentSchema, 401: errorDocumentSchema };
const e404 = { ...e400, 404: errorDocumentSchema };

/** `/api/v1/case-templates`: the statuses and fields cases are made from (docs/architecture.md, "Cases"). */
export const caseTemplateRoutes: FastifyPluginAsyncZod<{ caseTemplates: CaseTemplateService }> = async (
  app,
  { caseTemplates },
) => {
  app.post(
    '/case-templates',
    {
      schema: {
        tags,
        summary: 'Create a case template',
        description:
          '`key` is unique and immutable (409 when taken); statuses need exactly one `initial` and at least one `end`; `sla-breach-queue-id` must name an active queue (422).',
        security,
        body: createCaseTemplateRequestSchema,
        response: { 201: caseTemplateDocumentSchema, ...e400, 409: errorDocumentSchema, 422: errorDocumentSchema },
      },
    },
    async (request, reply) => {
      const data = await caseTemplates.create(request.body.data.attributes);
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/case-templates',
    {
      schema: {
        tags,
        summary: 'List case templates',
        description: 'Newest first, cursor-paginated with `page[size|after|before]`; filter by `filter[status]`.',
        security,
        querystring: caseTemplateListQuerySchema,
        response: { 200: caseTemplateListSchema, ...e400 },
      },
    },
    async (request) => caseTemplates.list(request.query, requestUrl(request.url)),
  );

  app.get(
    '/case-templates/:id',
    {
      schema: {
        tags,
        summary: 'Retrieve a case template',
        security,
        params,
        response: { 200: caseTemplateDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await caseTemplates.get(request.params.id) }),
  );

  app.patch(
    '/case-templates/:id',
    {
      schema: {
        tags,
        summary: 'Update a case template',
        description:
          'Replaces the given attributes; `key` cannot change. The rules are checked on the result. Existing cases keep the statuses and fields they were created with.',
        security,
        params,
        body: updateCaseTemplateRequestSchema,
        response: { 200: caseTemplateDocumentSchema, ...e404, 422: errorDocumentSchema },
      },
    },
    async (request) => ({ data: await caseTemplates.update(request.params.id, request.body.data.attributes) }),
  );

  app.post(
    '/case-templates/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a case template',
        description: 'Idempotent. An archived template cannot be used for new cases; existing cases are unaffected.',
        security,
        params,
        response: { 200: caseTemplateDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await caseTemplates.archive(request.params.id) }),
  );
};
