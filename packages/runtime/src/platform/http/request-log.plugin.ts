import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, when its answer has been sent: method, URL, status and time taken, under the request's
 * id. It replaces Fastify's two (one on arrival, one on completion), which doubled what every request cost in
 * formatting and in writes to stdout (docs/benchmarks.md, "What limits it now"). Errors are logged by the error
 * handler as before.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: { method: request.method, url: request.url, remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  });
}
