import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '@casework/shared';
import type { ReadinessService } from './readiness-service.ts';

/** Liveness and readiness probes: public, for load balancers and orchestrators. */
export const healthRoutes: FastifyPluginAsyncZod<{ readiness: ReadinessService }> = async (app, { readiness }) => {
  app.get(
    '/healthz',
    // Probes are polled constantly: log them only when something goes wrong.
    {
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is alive', response: { 200: healthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'MongoDB and Temporal answer',
        description: '503 names the dependency that failed.',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const result = await readiness.check();
      return reply.status(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
};
