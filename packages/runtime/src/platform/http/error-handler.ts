import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError, ErrorDocument } from '@casework/shared';
import {
  ConflictError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableError,
} from '../errors.ts';

const title = (status: number) => STATUS_CODES[status] ?? 'Error';

export function sendErrors(
  reply: FastifyReply,
  status: number,
  errors: ApiError[],
  meta?: Record<string, unknown>,
): FastifyReply {
  const body: ErrorDocument = { errors: errors as ErrorDocument['errors'], ...(meta ? { meta } : {}) };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function statusOf(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UnprocessableError) return 422;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof TooManyRequestsError) return 429;
  if (error instanceof DependencyUnavailableError) return 503;
  return 400;
}

// The one error handler and not-found handler: every failure leaves in the API's error format
// (docs/architecture.md, "HTTP API conventions"), and nothing internal leaks out of a 500.

/** Turns a request-validation failure into one error per problem, each pointing at its source; no body is one. */
function validationErrors(error: FastifyError, body: unknown): ApiError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return [{ title: title(400), details: error.message }];
  }
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  if (context === 'body' && body === undefined) {
    return [{ title: title(400), details: 'This operation needs a JSON request body.', source: { pointer: '/' } }];
  }
  const sourceOf = (path: string) =>
    context === 'body'
      ? { pointer: path || '/' }
      : context === 'headers'
        ? { header: path.slice(1) }
        : { parameter: path.slice(1) };
  return error.validation.flatMap((issue) => {
    const path = issue.instancePath === '/' ? '' : issue.instancePath;
    const where = path || '(root)';
    // In a body an unknown key points at its object (the message names it); an unknown query parameter or header
    // has no parent to point at, so each is named as the source itself (`filter[colour]`), never as "".
    const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
    if (context !== 'body' && Array.isArray(unknownKeys) && unknownKeys.length > 0) {
      return unknownKeys.map((key) => ({
        title: title(400),
        details: `Unrecognized key "${String(key)}" at ${context} ${where}`,
        source: sourceOf(`${path}/${String(key)}`),
      }));
    }
    return [{ title: title(400), details: `${issue.message} at ${context} ${where}`, source: sourceOf(path) }];
  });
}

/**
 * Fastify's `frameworkErrors`: failures its router meets before any hook runs — a malformed URL (FST_ERR_BAD_URL)
 * or a path parameter over `maxParamLength` (FST_ERR_MAX_PARAM_LENGTH, 414 by default) — leave in the error
 * format too, with a Request-Id, as a 400 for malformed params (docs/architecture.md, "HTTP API conventions").
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = (error.statusCode ?? 500) < 500 ? 400 : 500;
  const details =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path parameter is too long.'
      : status === 400
        ? 'The URL is malformed.'
        : 'Something went wrong on our side.';
  void sendErrors(reply.header('Request-Id', request.id), status, [{ title: title(status), details }]);
}

export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

/** Registered before any route plugin: Fastify scopes inherit the error handler present when they are created. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof UnprocessableError) {
      return sendErrors(
        reply,
        422,
        error.issues.map((issue) => ({
          title: issue.title ?? error.title,
          details: issue.message,
          ...(issue.pointer ? { source: { pointer: issue.pointer } } : {}),
        })),
        error.meta,
      );
    }
    if (error instanceof DomainError) {
      const status = statusOf(error);
      if (error instanceof TooManyRequestsError) reply.header('Retry-After', error.retryAfterSeconds);
      return sendErrors(reply, status, [
        {
          title: error.title,
          details: error.message,
          ...(error.pointer ? { source: { pointer: error.pointer } } : {}),
        },
      ]);
    }
    if (error.validation) return sendErrors(reply, 400, validationErrors(error, request.body));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendErrors(reply, status, [{ title: title(status), details: error.message }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendErrors(reply, 500, [
      {
        title: title(500),
        details: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
      },
    ]);
  });
}

/** Which methods a path answers (route-methods.ts); empty for paths nobody serves. */
export type AllowedMethods = (path: string) => string[];

/**
 * The answer to a request no route took: 405 with `Allow` when the path is known under other methods, else the
 * fallback's answer (the editor's pages), else 404.
 */
export function answerUnrouted(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { fallback?: NotFoundFallback | null; allowedMethods?: AllowedMethods },
) {
  const allowed = opts.allowedMethods?.(request.url.split('?')[0] ?? request.url) ?? [];
  if (allowed.length > 0) {
    reply.header('allow', allowed.join(', '));
    return sendErrors(reply, 405, [
      { title: title(405), details: `${request.method} is not allowed here; use ${allowed.join(', ')}` },
    ]);
  }
  return (
    opts.fallback?.(request, reply) ??
    sendErrors(reply, 404, [{ title: title(404), details: `No route for ${request.method} ${request.url}` }])
  );
}

export function registerNotFoundHandler(
  app: FastifyInstance,
  opts: { fallback?: NotFoundFallback | null; allowedMethods?: AllowedMethods } = {},
): void {
  app.setNotFoundHandler((request, reply) => answerUnrouted(request, reply, opts));
}
