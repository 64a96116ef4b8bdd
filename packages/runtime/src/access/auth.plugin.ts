import cookie from '@fastify/cookie';
import type { Role } from '@casework/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { answerUnrouted, type AllowedMethods } from '../platform/http/error-handler.ts';
import { ForbiddenError, UnauthorizedError } from '../platform/errors.ts';
import type { SessionDocument } from './access-collections.ts';
import { accessFor } from './access-policy.ts';
import type { ApiKeyService } from './api-key-service.ts';
import type { SessionService } from './session-service.ts';

/** Who made a request: a user signed in with a session cookie, or an API key. */
export type Principal =
  | { type: 'api-key'; id: string; role: Role; name: string }
  | { type: 'user'; id: string; role: Role; email: string; name: string | null; session: SessionDocument };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every authenticated `/api/v1/*` request (not on the public sign-in). */
    principal?: Principal;
  }
}

export const SESSION_COOKIE = 'casework_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for everything registered in `scope` (docs/architecture.md, "Access"): a Bearer
 * API key or the session cookie names the principal; a cookie-authenticated write must carry the session's CSRF token;
 * the route's roles (access/access-policy.ts) decide. Not-found and method-not-allowed answers are authenticated
 * too, so an unauthenticated caller learns nothing about which routes exist.
 */
export async function registerAuth(
  scope: FastifyInstance,
  deps: { apiKeys: ApiKeyService; sessions: SessionService },
  allowedMethods?: AllowedMethods,
): Promise<void> {
  await scope.register(cookie);

  const authenticate = async (request: FastifyRequest): Promise<Principal> => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = authorization.match(/^Bearer\s+(\S+)\s*$/i);
      if (!match?.[1]) throw new UnauthorizedError('Send the API key as "Authorization: Bearer <api key>".');
      const key = await deps.apiKeys.authenticate(match[1]);
      return { type: 'api-key', id: key._id, role: key.role ?? 'admin', name: key.name };
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) {
      throw new UnauthorizedError('Missing API key: send it as "Authorization: Bearer <api key>", or sign in.');
    }
    const live = await deps.sessions.resolve(token);
    if (!live) throw new UnauthorizedError('Your session has expired or ended: sign in again.');
    const { user, session } = live;
    return { type: 'user', id: user._id, role: user.role, email: user.email, name: user.name, session };
  };

  scope.addHook('onRequest', async (request) => {
    const access = accessFor(request.method, request.routeOptions.url ?? '');
    if (access === 'public') return;
    const principal = await authenticate(request);
    request.principal = principal;
    if (principal.type === 'user' && !SAFE_METHODS.has(request.method)) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !deps.sessions.verifyCsrf(principal.session, token)) {
        throw new ForbiddenError(
          "Missing or wrong CSRF token: send the session's csrf-token (GET /api/v1/session) as X-CSRF-Token.",
        );
      }
    }
    if (!access.includes(principal.role)) {
      throw new ForbiddenError(
        `The ${principal.role} role may not ${request.method} ${request.routeOptions.url ?? request.url} ` +
          `(allowed: ${access.join(', ')}).`,
      );
    }
  });
  scope.setNotFoundHandler(
    {
      preHandler: async (request: FastifyRequest) => {
        request.principal = await authenticate(request);
      },
    },
    (request, reply) => answerUnrouted(request, reply, allowedMethods ? { allowedMethods } : {}),
  );
}
