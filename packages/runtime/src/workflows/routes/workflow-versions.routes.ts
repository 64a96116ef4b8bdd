import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorDocumentSchema,
  publishWorkflowRequestSchema,
  restoreWorkflowRequestSchema,
  workflowDocumentSchema,
  workflowVersionDocumentSchema,
  workflowVersionListQuerySchema,
  workflowVersionListSchema,
  workflowRolloutRequestSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { requestActor } from '../../cases/routes/case-route-helpers.ts';
import { e404, routeDocs, versionIdParams, workflowIdParams as params } from './workflow-route-helpers.ts';

const error = errorDocumentSchema;

/** Publishing, version history and restore (docs/architecture.md, "Workflows"): versions are immutable once published. */
export const workflowVersionRoutes: FastifyPluginAsyncZod<{ workflows: WorkflowService }> = async (
  app,
  { workflows },
) => {
  app.post(
    '/workflows/:id/publish',
    {
      schema: {
        ...routeDocs(
          'Publish the draft',
          'Compiles the draft against the current case templates and queues. Invalid: 422 with one error per problem (title = issue code, pointer into the draft graph) and every issue, warnings included, in `meta.issues`. Valid: 201 with a new immutable version (numbered 1, 2, 3…), which becomes the live version. With `meta.rollout-percent` below 100 it is a staged rollout: only that share of new runs (by a stable hash of the run id) start on the new version, the rest on the version that served runs until now; `traffic-percent` on each version shows the split. An archived workflow cannot be published (409).',
        ),
        params,
        // An empty body is fine: `meta.notes` is optional.
        body: publishWorkflowRequestSchema.nullable(),
        response: { 201: workflowVersionDocumentSchema, ...e404, 409: error, 422: error },
      },
    },
    async (request, reply) => {
      const notes = request.body?.meta?.notes ?? null;
      const percent = request.body?.meta?.['rollout-percent'] ?? 100;
      const data = await workflows.publish(request.params.id, notes, requestActor(request), percent);
      return reply.status(201).send({ data });
    },
  );

  app.post(
    '/workflows/:id/rollout',
    {
      schema: {
        ...routeDocs(
          'Change the rollout',
          'Sets the share of new runs the live version gets during a staged rollout: 0 sends every new run to the previous version (undoes it, until raised again), 100 finishes it (the previous version gets no more runs). Runs already started keep their version. 409 when no rollout is in progress.',
        ),
        params,
        body: workflowRolloutRequestSchema,
        response: { 200: workflowDocumentSchema, ...e404, 409: error },
      },
    },
    async (request) => ({
      data: await workflows.setRollout(request.params.id, request.body.meta['rollout-percent']),
    }),
  );

  app.post(
    '/workflows/:id/restore',
    {
      schema: {
        ...routeDocs(
          'Restore a version into the draft',
          'The draft becomes the graph of the version named by `meta.version-id` or `meta.version-number` (`draft-revision` +1); publish to make it live. A version of another workflow is refused (422). `meta.base-revision` works as for saving the draft.',
        ),
        params,
        body: restoreWorkflowRequestSchema,
        response: { 200: workflowDocumentSchema, ...e404, 409: error, 422: error },
      },
    },
    async (request) => ({ data: await workflows.restore(request.params.id, request.body.meta) }),
  );

  app.get(
    '/workflows/:id/versions',
    {
      schema: {
        ...routeDocs(
          'List versions',
          "The workflow's published versions, newest first, cursor-paginated with `page[size|after|before]`.",
        ),
        params,
        querystring: workflowVersionListQuerySchema,
        response: { 200: workflowVersionListSchema, ...e404 },
      },
    },
    async (request) => workflows.listVersions(request.params.id, request.query, requestUrl(request.url)),
  );

  app.get(
    '/workflow-versions/:id',
    {
      schema: {
        ...routeDocs('Retrieve a version', 'The graph as published, its compiled plan, notes and author.'),
        params: versionIdParams,
        response: { 200: workflowVersionDocumentSchema, ...e404 },
      },
    },
    async (request) => ({ data: await workflows.versionResource(request.params.id) }),
  );
};
