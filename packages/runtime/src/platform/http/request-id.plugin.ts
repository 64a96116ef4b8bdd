import type { FastifyInstance } from 'fastify';

/** Every response carries `Request-Id` (the request's `req_…` id, also on every log line). */
export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Request-Id', request.id);
  });
}
