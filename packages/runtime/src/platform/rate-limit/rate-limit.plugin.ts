import type { FastifyInstance } from 'fastify';
import { sendErrors } from '../http/error-handler.ts';
import type { RateLimitService } from './rate-limit-service.ts';

/**
 * Per-principal (API key or user) rate limiting for everything registered in `scope`. Register right after auth: it counts
 * authenticated requests only (a 401 costs nothing), and before idempotency, so a 429 is never stored.
 */
export function registerRateLimit(scope: FastifyInstance, rateLimits: RateLimitService): void {
  scope.addHook('onRequest', async (request, reply) => {
    if (!request.principal) return;
    const decision = await rateLimits.consume(request.principal.id);
    reply.header('RateLimit-Limit', decision.limit);
    reply.header('RateLimit-Remaining', decision.remaining);
    reply.header('RateLimit-Reset', decision.resetSeconds);
    if (decision.allowed) return;
    reply.header('Retry-After', decision.resetSeconds);
    return sendErrors(reply, 429, [
      {
        title: 'Too Many Requests',
        details:
          `This ${request.principal.type === 'user' ? 'user' : 'API key'} may make ${decision.limit} requests per ${decision.windowSeconds} s; ` +
          `try again in ${decision.resetSeconds} s.`,
      },
    ]);
  });
}
