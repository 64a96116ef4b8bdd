import { errorDocumentSchema } from '@casework/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../case-collections.ts';

export const caseIdParams = z.object({
  id: z.string().min(1).max(100).meta({ example: 'case_P7J9obVfPMzfmbhS3SGyiel7' }),
});

export const errorResponses = {
  400: errorDocumentSchema,
  401: errorDocumentSchema,
  404: errorDocumentSchema,
  409: errorDocumentSchema,
  422: errorDocumentSchema,
  429: errorDocumentSchema,
};

export const routeDocs = (summary: string, description?: string) => ({
  tags: ['cases'],
  summary,
  ...(description ? { description } : {}),
  security: [{ bearerAuth: [] }],
});

/** Who is acting: the user or API key that authenticated the request (access/auth.plugin.ts). */
export const requestActor = (request: FastifyRequest): Actor => ({
  id: request.principal?.id ?? 'unknown',
  type: request.principal?.type ?? 'api-key',
});

/**
 * What names a keyed request's effect for good (`<what>:<principal id>:<Idempotency-Key>`), or undefined without a key.
 * The idempotency layer replays a stored answer, but an api killed after its write and before storing the answer
 * leaves a claim that a retry takes over once stale and runs again: the write itself must then find its first effect.
 */
export function requestDedupeKey(request: FastifyRequest, what: string): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key ? `${what}:${request.principal?.id ?? ''}:${key}` : undefined;
}
