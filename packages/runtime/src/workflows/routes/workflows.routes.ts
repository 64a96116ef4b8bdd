import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createWorkflowRequestSchema,
  errorDocumentSchema,
  saveWorkflowDraftRequestSchema,
  updateWorkflowRequestSchema,
  workflowDocumentSchema,
  workflowListQuerySchema,
  workflowListSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { requestActor } from '../../cases/routes/case-route-helpers.ts';
import { e400, e404, routeDocs, workflowIdParams as params } from './workflow-route-helpers.ts';
import { workflowVersionRoutes } from './workflow-versions.routes.ts';

const error = errorDocumentSchema;

/** `/api/v1/workflows`: definitions and their drafts (docs/architecture.md, "Workflows"); versions in workflow-versions.routes.ts. */
export const workflowRoutes: FastifyPluginAsyncZod<{ workflows: WorkflowService }> = async (app, { workflows }) => {
  app.post(
    '/workflows',
    {
      schema: {
        ...routeDocs(
          'Create a workflow',
          'Starts with the given draft `graph` (by default a lone API trigger). The draft may be invalid: its `draft-issues` list what the compiler finds.',
        ),
        body: createWorkflowRequestSchema,
        response: { 201: workflowDocumentSchema, ...e400, 422: error },
      },
    },
    async (request, reply) => {
      const data = await workflows.create(request.body.data.attributes, requestActor(request));
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/workflows',
    {
      schema: {
        ...routeDocs(
          'List workflows',
          'Newest first, cursor-paginated with `page[size|after|before]`; filter by `filter[status]`.',
        ),
        querystring: workflowListQuerySchema,
        response: { 200: workflowListSchema, ...e400 },
      },
    },
    async (request) => workflows.list(request.query, requestUrl(request.url)),
  );

  app.get(
    '/workflows/:id',
    {
      schema: {
        ...routeDocs('Retrieve a workflow', "With its draft graph, the draft's compile issues and its live version."),
        params,
        response: { 200: workflowDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await workflows.get(request.params.id) }),
  );

  app.patch(
    '/workflows/:id',
    {
      schema: {
        ...routeDocs(
          'Rename a workflow',
          'Replaces `name` and/or `description`. The draft changes through `PUT /workflows/{id}/draft`.',
        ),
        params,
        body: updateWorkflowRequestSchema,
        response: { 200: workflowDocumentSchema, ...e404, 409: error },
      },
    },
    async (request) => ({ data: await workflows.update(request.params.id, request.body.data.attributes) }),
  );

  app.post(
    '/workflows/:id/archive',
    {
      schema: {
        ...routeDocs(
          'Archive a workflow',
          'Idempotent. An archived workflow can no longer be published or triggered; its versions stay readable.',
        ),
        params,
        response: { 200: workflowDocumentSchema, ...e404, 409: error },
      },
    },
    async (request) => ({ data: await workflows.archive(request.params.id) }),
  );

  app.put(
    '/workflows/:id/draft',
    {
      schema: {
        ...routeDocs(
          'Save the draft',
          'Stores `graph` whatever its state (any JSON object up to 512 KiB, else 422) and answers the workflow with the compile issues as data, `draft-revision` +1. With `meta.base-revision` a save made from an older revision is refused (409), so autosaves from two tabs never overwrite each other silently.',
        ),
        params,
        body: saveWorkflowDraftRequestSchema,
        response: { 200: workflowDocumentSchema, ...e404, 409: error, 413: error, 422: error },
      },
    },
    async (request) => {
      const { data, meta } = request.body;
      return { data: await workflows.saveDraft(request.params.id, data.attributes.graph, meta?.['base-revision']) };
    },
  );

  await app.register(workflowVersionRoutes, { workflows });
};
