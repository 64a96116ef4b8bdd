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
import { requestUrl } from '../../platform/pagination.ts';
import type { Actor, CaseDocument } from '../case-collections.ts';
import type { CaseActionsService } from '../case-actions-service.ts';
import { toCaseResource, toEventResource } from '../case-mapper.ts';
import type { CaseService } from '../case-service.ts';
import { caseIdParams, errorResponses, requestActor, requestDedupeKey, routeDocs } from './case-route-helpers.ts';

const caseResponse = { 200: caseDocumentSchema, ...errorResponses };

/** Persona's case actions: `POST /cases/{id}/<action>` with parameters under `meta`, plus comments and events. */
export const caseActionRoutes: FastifyPluginAsyncZod<{
  cases: CaseService;
  actions: CaseActionsService;
}> = async (app, { cases, actions }) => {
  /** One `POST /cases/{id}/<action>`: parameters under `meta`, the case after the action as the answer. */
  function action<S extends z.ZodType<{ meta: object }>>(
    path: string,
    docs: ReturnType<typeof routeDocs>,
    body: S,
    run: (id: string, meta: z.infer<S>['meta'], actor: Actor) => Promise<CaseDocument>,
  ): void {
    app.post(
      `/cases/:id/${path}`,
      { schema: { ...docs, params: caseIdParams, body, response: caseResponse } },
      async (request) => {
        const { meta } = request.body as z.infer<S>;
        return { data: toCaseResource(await run(request.params.id, meta, requestActor(request))) };
      },
    );
  }

  action(
    'add-objects',
    routeDocs('Attach objects', 'Each object at most once; at most 1,000 per case.'),
    caseObjectsRequestSchema,
    (id, meta, actor) => actions.addObjects(id, meta['object-ids'], actor),
  );
  action('remove-objects', routeDocs('Detach objects'), caseObjectsRequestSchema, (id, meta, actor) =>
    actions.removeObjects(id, meta['object-ids'], actor),
  );
  action('assign', routeDocs('Assign a case'), assignCaseRequestSchema, (id, meta, actor) =>
    actions.assign(id, meta['user-email-address'], actor),
  );
  action(
    'set-status',
    routeDocs(
      'Set the status',
      "Must be one of the template's statuses; entering an end status resolves the case, leaving one reopens it.",
    ),
    setCaseStatusRequestSchema,
    (id, meta, actor) => actions.setStatus(id, meta.status, actor),
  );
  action('add-tag', routeDocs('Add a tag'), caseTagRequestSchema, (id, meta, actor) =>
    actions.addTag(id, meta['tag-name'], actor),
  );
  action('remove-tag', routeDocs('Remove a tag'), caseTagRequestSchema, (id, meta, actor) =>
    actions.removeTag(id, meta['tag-name'], actor),
  );
  action('set-tags', routeDocs('Replace the tags'), setCaseTagsRequestSchema, (id, meta, actor) =>
    actions.setTags(id, meta['tag-name'], actor),
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
      const dedupeKey = requestDedupeKey(request, `case-comment:${request.params.id}`);
      const { kase, commentId } = await actions.comment(request.params.id, attributes.body, author, dedupeKey);
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
      await cases.get(request.params.id);
      const page = await cases.listEvents({ 'case-id': request.params.id }, request.query, requestUrl(request.url));
      return { data: page.items.map(toEventResource), links: page.links };
    },
  );
};
