import {
  caseDocumentSchema,
  caseIncludeQuerySchema,
  caseListQuerySchema,
  caseListSchema,
  createCaseRequestSchema,
  updateCaseRequestSchema,
} from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestUrl } from '../../platform/pagination.ts';
import { toCaseResource } from '../case-mapper.ts';
import type { CaseActionsService } from '../case-actions-service.ts';
import type { CaseService } from '../case-service.ts';
import { caseIdParams, errorResponses, requestActor, requestDedupeKey, routeDocs } from './case-route-helpers.ts';

export interface CaseIncludes {
  caseTemplate(id: string): Promise<{ type: string; id: string; attributes: unknown } | null>;
  caseQueue(id: string): Promise<{ type: string; id: string; attributes: unknown } | null>;
}

/** Persona's case routes: create, list, retrieve (with `include`), update, redact. */
export const caseRoutes: FastifyPluginAsyncZod<{
  cases: CaseService;
  actions: CaseActionsService;
  includes: CaseIncludes;
}> = async (app, { cases, actions, includes }) => {
  app.post(
    '/cases',
    {
      schema: {
        ...routeDocs(
          'Create a case',
          "Starts in the template's initial status; `meta.sla-expires-in-seconds` (or the template default) starts its SLA timer.",
        ),
        body: createCaseRequestSchema,
        response: { 201: caseDocumentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const dedupeKey = requestDedupeKey(request, 'case-create');
      const kase = await cases.create(request.body, requestActor(request), dedupeKey ? { dedupeKey } : {});
      return reply.status(201).send({ data: toCaseResource(kase) });
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        ...routeDocs('List cases', 'Newest first, cursor-paginated with `page[after]` / `page[before]`.'),
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { query } = request;
      const page = await cases.list(
        {
          status: query['filter[status]'],
          'case-template-id': query['filter[case-template-id]'],
          'case-queue-id': query['filter[case-queue-id]'],
          'assignee-id': query['filter[assignee-id]'],
          'object-id': query['filter[object-id]'],
          'sla-expired': query['filter[sla-expired]'],
        },
        query,
        requestUrl(request.url),
      );
      return { data: page.items.map(toCaseResource), links: page.links };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        ...routeDocs('Retrieve a case', '`include=case-template,case-queue` adds those records under `included`.'),
        params: caseIdParams,
        querystring: caseIncludeQuerySchema,
        response: { 200: caseDocumentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const kase = await cases.get(request.params.id);
      const wanted = new Set(request.query.include?.split(',') ?? []);
      const included = (
        await Promise.all([
          wanted.has('case-template') ? includes.caseTemplate(kase.templateId) : null,
          wanted.has('case-queue') && kase.queueId ? includes.caseQueue(kase.queueId) : null,
        ])
      ).filter((record) => record !== null);
      return { data: toCaseResource(kase), ...(wanted.size > 0 ? { included } : {}) };
    },
  );

  app.patch(
    '/cases/:id',
    {
      schema: {
        ...routeDocs(
          'Update a case',
          'Merges `fields` (null removes an optional field), sets or clears `case-queue-id` and `meta.sla-expires-in-seconds`.',
        ),
        params: caseIdParams,
        body: updateCaseRequestSchema,
        response: { 200: caseDocumentSchema, ...errorResponses },
      },
    },
    async (request) => ({
      data: toCaseResource(await cases.update(request.params.id, request.body, requestActor(request))),
    }),
  );

  app.delete(
    '/cases/:id',
    {
      schema: {
        ...routeDocs(
          'Redact a case',
          'Irreversible: empties its fields and sets `redacted-at`; later changes answer 409.',
        ),
        params: caseIdParams,
        response: { 200: caseDocumentSchema, ...errorResponses },
      },
    },
    async (request) => ({ data: toCaseResource(await actions.redact(request.params.id, requestActor(request))) }),
  );
};
