import {
  assignCaseRequestSchema,
  caseDocumentSchema,
  caseObjectsRequestSchema,
  caseTagRequestSchema,
  createCommentRequestSchema,
  eventListSchema,
  pageQueryOf,
  setCaseStatusRequestSchema,
  setCaseTagsRequestSchema,
} from '@casework/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestUrl } from '../../lib/pagination.ts';
import type { CaseActionsService } from '../../services/case-actions-service.ts';
import { toCaseResource, toEventResource } from '../../services/case-mapper.ts';
import type { CaseService } from '../../services/case-service.ts';
import type { EventPublisher } from '../../services/event-publisher.ts';
import { caseIdParams, errorResponses, requestActor, routeDocs } from './case-route-helpers.ts';

const caseResponse = { 200: caseDocumentSchema, ...errorResponses };

/** Persona's case actions: `POST /cases/{id}/<action>` with parameters under `meta`, plus comments and events. */
export const caseActionRoutes: FastifyPluginAsyncZod<{
  cases: CaseService;
  actions: CaseActionsService;
  publisher: EventPublisher;
}> = async (app, { cases, actions, publisher }) => {
  app.post(
    '/cases/:id/add-objects',
    {
      schema: {
        ...routeDocs('Attach objects', 'Each object at most once; at most 1,000 per case.'),
        params: caseIdParams,
        body: caseObjectsRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(
        await actions.addObjects(request.params.id, request.body.meta['object-ids'], requestActor(request)),
      ),
    }),
  );
  app.post(
    '/cases/:id/remove-objects',
    {
      schema: {
        ...routeDocs('Detach objects'),
        params: caseIdParams,
        body: caseObjectsRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(
        await actions.removeObjects(request.params.id, request.body.meta['object-ids'], requestActor(request)),
      ),
    }),
  );
  app.post(
    '/cases/:id/assign',
    {
      schema: {
        ...routeDocs('Assign a case'),
        params: caseIdParams,
        body: assignCaseRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(
        await actions.assign(request.params.id, request.body.meta['user-email-address'], requestActor(request)),
      ),
    }),
  );
  app.post(
    '/cases/:id/set-status',
    {
      schema: {
        ...routeDocs(
          'Set the status',
          "Must be one of the template's statuses; entering an end status resolves the case, leaving one reopens it.",
        ),
        params: caseIdParams,
        body: setCaseStatusRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(await actions.setStatus(request.params.id, request.body.meta.status, requestActor(request))),
    }),
  );
  app.post(
    '/cases/:id/add-tag',
    { schema: { ...routeDocs('Add a tag'), params: caseIdParams, body: caseTagRequestSchema, response: caseResponse } },
    async (request) => ({
      data: toCaseResource(
        await actions.addTag(request.params.id, request.body.meta['tag-name'], requestActor(request)),
      ),
    }),
  );
  app.post(
    '/cases/:id/remove-tag',
    {
      schema: {
        ...routeDocs('Remove a tag'),
        params: caseIdParams,
        body: caseTagRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(
        await actions.removeTag(request.params.id, request.body.meta['tag-name'], requestActor(request)),
      ),
    }),
  );
  app.post(
    '/cases/:id/set-tags',
    {
      schema: {
        ...routeDocs('Replace the tags'),
        params: caseIdParams,
        body: setCaseTagsRequestSchema,
        response: caseResponse,
      },
    },
    async (request) => ({
      data: toCaseResource(
        await actions.setTags(request.params.id, request.body.meta['tag-name'], requestActor(request)),
      ),
    }),
  );

  app.post(
    '/cases/:id/comments',
    {
      schema: {
        ...routeDocs('Comment on a case', "The comment joins the case's event timeline as `case.commented`."),
        params: caseIdParams,
        body: createCommentRequestSchema,
        response: {
          201: caseDocumentSchema.extend({ meta: z.object({ 'comment-id': z.string() }) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { attributes } = request.body.data;
      const author = attributes['author-email-address']
        ? { id: attributes['author-email-address'], type: 'user' as const }
        : requestActor(request);
      const { kase, commentId } = await actions.comment(request.params.id, attributes.body, author);
      return reply.status(201).send({ data: toCaseResource(kase), meta: { 'comment-id': commentId } });
    },
  );

  app.get(
    '/cases/:id/events',
    {
      schema: {
        ...routeDocs("A case's event timeline", 'Newest first, cursor-paginated.'),
        params: caseIdParams,
        querystring: z.strictObject(pageQueryOf('event')),
        response: { 200: eventListSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Publish what a crashed write may have left unpublished, so the timeline is complete when read.
      await cases.get(request.params.id);
      await publisher.publishPending();
      const page = await cases.listEvents({ 'case-id': request.params.id }, request.query, requestUrl(request.url));
      return { data: page.items.map(toEventResource), links: page.links };
    },
  );
};
