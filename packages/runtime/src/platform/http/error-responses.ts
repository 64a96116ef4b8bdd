import { errorDocumentSchema } from '@casework/shared';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { accessFor } from '../../access/access-policy.ts';

/** Methods whose requests carry a body that is parsed (and can be too large, or of a type the API does not take). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]).map(String);

/** A route anyone may call (signing in): it never answers 401 or 403. The one policy table says which. */
const isOpen = (route: RouteOptions) => methodsOf(route).every((method) => accessFor(method, route.url) === 'public');

/**
 * The error statuses the shared machinery of the API can answer on `route`, whatever the route itself does
 * (docs/architecture.md, "HTTP API conventions"):
 * - 400: a malformed URL, path parameter, query, header or body;
 * - 401 and 403: no valid credentials, or a role that may not do this (not on the public ones);
 * - 404: an unknown id in the path;
 * - 413 and 415: a body over the limit, or not JSON;
 * - 409 and 422 on POST: an `Idempotency-Key` still in flight, or reused for another request;
 * - 429: rate limited.
 */
export function sharedErrorStatuses(route: RouteOptions): number[] {
  const methods = methodsOf(route);
  const statuses = [400, 429];
  if (!isOpen(route)) statuses.push(401, 403);
  if (route.url.includes('/:')) statuses.push(404);
  if (methods.some((method) => BODY_METHODS.has(method))) statuses.push(413, 415);
  if (methods.includes('POST')) statuses.push(409, 422);
  return statuses.sort((a, b) => a - b);
}

/**
 * Documents on every operation under `prefix` each status of `sharedErrorStatuses` with the error document, so
 * `/openapi.json` lists every status an operation can answer: a route declares only what its own rules add (a 409
 * for a concurrent change, a 422 for a rule), and a route added later cannot forget the rest. Register before the
 * routes (an `onRoute` hook sees only routes added after it).
 */
export function documentErrorResponses(app: FastifyInstance, opts: { prefix: string }): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(opts.prefix) || route.schema?.hide) return;
    const schema = (route.schema ??= {});
    const response = (schema.response ??= {}) as Record<string, unknown>;
    for (const status of sharedErrorStatuses(route)) response[status] ??= errorDocumentSchema;
  });
}
