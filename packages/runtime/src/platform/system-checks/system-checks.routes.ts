import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSystemCheckRequestSchema, errorDocumentSchema, systemCheckDocumentSchema } from '@casework/shared';
import type { SystemCheckService } from './system-check-service.ts';

const errors = { 400: errorDocumentSchema, 401: errorDocumentSchema, 404: errorDocumentSchema };

/** `POST/GET /api/v1/system-checks`: an end-to-end probe through Temporal and MongoDB. */
export const systemCheckRoutes: FastifyPluginAsyncZod<{ systemChecks: SystemCheckService }> = async (
  app,
  { systemChecks },
) => {
  app.post(
    '/system-checks',
    {
      schema: {
        tags: ['system'],
        summary: 'Start a system check',
        description:
          'Starts a Temporal workflow that waits `meta.delay-seconds` on a durable timer, then writes its completion to MongoDB.',
        security: [{ bearerAuth: [] }],
        // An empty body is fine: every parameter has a default.
        body: createSystemCheckRequestSchema.nullable(),
        response: { 201: systemCheckDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const data = await systemChecks.start(request.body?.meta['delay-seconds'] ?? 0);
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/system-checks/:id',
    {
      schema: {
        tags: ['system'],
        summary: 'Retrieve a system check',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: systemCheckDocumentSchema, ...errors },
      },
    },
    async (request) => ({ data: await systemChecks.get(request.params.id) }),
  );
};
