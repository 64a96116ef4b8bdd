import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiKeyDocumentSchema,
  apiKeyListQuerySchema,
  apiKeyListSchema,
  createApiKeyRequestSchema,
  errorDocumentSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { ApiKeyService } from '../api-key-service.ts';
import { e400, e404, idParams as params, principalOf, routeDocs } from './access-route-helpers.ts';

const docs = (summary: string, description?: string) => routeDocs('api-keys', summary, description);

/** `/api/v1/api-keys`: keys for scripts and integrations, each scoped to a role (admins only). */
export const apiKeyRoutes: FastifyPluginAsyncZod<{ apiKeys: ApiKeyService }> = async (app, { apiKeys }) => {
  app.post(
    '/api-keys',
    {
      schema: {
        ...docs('Create an API key', 'The answer holds the key itself, once: it is stored only as a hash.'),
        body: createApiKeyRequestSchema,
        response: { 201: apiKeyDocumentSchema, ...e400 },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ data: await apiKeys.create(request.body.data.attributes, principalOf(request).id) }),
  );

  app.get(
    '/api-keys',
    {
      schema: {
        ...docs('List API keys', 'Newest first; each shows its prefix only. `filter[revoked]=true|false`.'),
        querystring: apiKeyListQuerySchema,
        response: { 200: apiKeyListSchema, ...e400 },
      },
    },
    async (request) => apiKeys.list(request.query, requestUrl(request.url)),
  );

  app.get(
    '/api-keys/:id',
    { schema: { ...docs('Retrieve an API key'), params, response: { 200: apiKeyDocumentSchema, ...e404 } } },
    async (request) => ({ data: await apiKeys.get(request.params.id) }),
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      schema: {
        ...docs(
          'Revoke an API key',
          'Idempotent; the key is refused from then on. The configured key (CASEWORK_API_KEY) is managed through ' +
            'the environment: revoking it answers 409.',
        ),
        params,
        response: { 200: apiKeyDocumentSchema, ...e404, 409: errorDocumentSchema },
      },
    },
    async (request) => ({ data: await apiKeys.revoke(request.params.id) }),
  );
};
