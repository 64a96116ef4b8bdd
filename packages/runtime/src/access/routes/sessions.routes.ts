import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSessionRequestSchema,
  errorDocumentSchema,
  sessionDocumentSchema,
  type SessionResource,
} from '@casework/shared';
import type { Principal } from '../auth.plugin.ts';
import { SESSION_COOKIE } from '../auth.plugin.ts';
import type { SessionService } from '../session-service.ts';
import { e400, principalOf, routeDocs } from './access-route-helpers.ts';

const docs = (summary: string, description?: string) => routeDocs('sessions', summary, description);

function sessionResource(principal: Principal, csrfToken: (principal: Principal & { type: 'user' }) => string) {
  const user = principal.type === 'user';
  return {
    type: 'session',
    id: 'current',
    attributes: {
      'actor-type': principal.type,
      'actor-id': principal.id,
      'email-address': user ? principal.email : null,
      name: principal.name,
      role: principal.role,
      'csrf-token': user ? csrfToken(principal) : null,
      'expires-at': user ? principal.session.expiresAt.toISOString() : null,
    },
  } satisfies SessionResource;
}

/**
 * Browser sign-in (docs/architecture.md, "Access"): `POST /sessions` checks email and password and sets an HttpOnly,
 * SameSite=Strict session cookie; `GET /session` says who is signed in (and gives the CSRF token writes need);
 * `DELETE /session` signs out.
 */
export const sessionRoutes: FastifyPluginAsyncZod<{ sessions: SessionService; secureCookie: boolean }> = async (
  app,
  { sessions, secureCookie },
) => {
  const csrfToken = (principal: Principal & { type: 'user' }) => sessions.csrfToken(principal.session);

  app.post(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign in',
        security: [],
        description:
          'Checks the email address and password and sets the session cookie. At most 10 attempts per address ' +
          'every 5 minutes (429).',
        body: createSessionRequestSchema,
        response: {
          201: sessionDocumentSchema,
          400: errorDocumentSchema,
          401: errorDocumentSchema,
          429: errorDocumentSchema,
        },
      },
    },
    async (request, reply) => {
      const { 'email-address': email, password } = request.body.data.attributes;
      const { token, session, user } = await sessions.signIn(email, password);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie,
        path: '/',
        maxAge: sessions.ttlSeconds,
      });
      const principal = {
        type: 'user',
        id: user._id,
        role: user.role,
        email: user.email,
        name: user.name,
        session,
      } as const;
      return reply.status(201).send({ data: sessionResource(principal, csrfToken) });
    },
  );

  app.get(
    '/session',
    {
      schema: {
        ...docs('Who is signed in', 'The user of the session cookie, or the API key of the request, with its role.'),
        response: { 200: sessionDocumentSchema, ...e400 },
      },
    },
    async (request) => ({ data: sessionResource(principalOf(request), csrfToken) }),
  );

  app.delete(
    '/session',
    {
      schema: {
        ...docs('Sign out', 'Ends the session of the cookie and clears it. With an API key it changes nothing.'),
        response: { 204: z.null().describe('Signed out'), ...e400 },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (principalOf(request).type === 'user' && token !== undefined) {
        await sessions.signOut(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      return reply.status(204).send(null);
    },
  );
};
