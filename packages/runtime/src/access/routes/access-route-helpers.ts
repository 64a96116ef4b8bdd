import { errorDocumentSchema } from '@casework/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../auth.plugin.ts';

export const idParams = z.object({ id: z.string().min(1).max(100) });

const error = errorDocumentSchema;
export const e400 = { 400: error, 401: error, 403: error, 429: error };
export const e404 = { ...e400, 404: error };

export const routeDocs = (tag: string, summary: string, description?: string) => ({
  tags: [tag],
  summary,
  ...(description ? { description } : {}),
  security: [{ bearerAuth: [] }, { sessionCookie: [] }] as Record<string, string[]>[],
});

/** The request's principal: always set on authenticated routes (access/auth.plugin.ts). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.method} ${request.url} reached its handler unauthenticated`);
  return request.principal;
}
