import type { FastifyInstance, FastifyRequest } from 'fastify';
import { answerUnrouted, type AllowedMethods } from '../http/error-handler.ts';
import type { ApiKeyService } from './api-key-service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The id of the API key that authenticated this request (set on `/api/v1/*`). */
    apiKeyId?: string;
  }
}

/**
 * Bearer API-key auth for everything registered in `scope` — including its not-found (and method-not-allowed)
 * answers, so an unauthenticated caller learns nothing about which routes exist.
 */
export function registerAuth(scope: FastifyInstance, apiKeys: ApiKeyService, allowedMethods?: AllowedMethods): void {
  const authenticate = async (request: FastifyRequest) => {
    const key = await apiKeys.authenticate(request.headers.authorization);
    request.apiKeyId = key._id;
  };
  scope.addHook('onRequest', authenticate);
  scope.setNotFoundHandler({ preHandler: authenticate }, (request, reply) =>
    answerUnrouted(request, reply, allowedMethods ? { allowedMethods } : {}),
  );
}
