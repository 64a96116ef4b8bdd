import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createSecretRequestSchema,
  errorDocumentSchema,
  replaceSecretRequestSchema,
  secretDocumentSchema,
  secretListSchema,
  secretNameParams as params,
} from '@casework/shared';
import { e400, e404, routeDocs } from '../access/routes/access-route-helpers.ts';
import type { SecretService } from './secret-service.ts';

const docs = (summary: string, description?: string) => routeDocs('secrets', summary, description);
const e503 = { 503: errorDocumentSchema };

/**
 * `/api/v1/secrets`: named values nodes use by name (an `http.request` signature), stored encrypted; their values are
 * written here and never returned by any route (admins and designers).
 */
export const secretRoutes: FastifyPluginAsyncZod<{ secrets: SecretService }> = async (app, { secrets }) => {
  app.post(
    '/secrets',
    {
      schema: {
        ...docs('Create a secret', 'The value is stored encrypted and never returned. A name in use answers 409.'),
        body: createSecretRequestSchema,
        response: { 201: secretDocumentSchema, ...e400, 409: errorDocumentSchema, ...e503 },
      },
    },
    async (request, reply) => {
      const { name, value } = request.body.data.attributes;
      return reply.status(201).send({ data: await secrets.create(name, value) });
    },
  );

  app.get(
    '/secrets',
    {
      schema: {
        ...docs('List secrets', 'Every secret by name (at most 1,000, one page): names and dates, never values.'),
        response: { 200: secretListSchema, ...e400 },
      },
    },
    async () => ({ data: await secrets.list(), links: { prev: null, next: null } }),
  );

  app.patch(
    '/secrets/:name',
    {
      schema: {
        ...docs('Replace a secret’s value', 'Runs from then on use the new value.'),
        params,
        body: replaceSecretRequestSchema,
        response: { 200: secretDocumentSchema, ...e404, ...e503 },
      },
    },
    async (request) => ({ data: await secrets.replace(request.params.name, request.body.data.attributes.value) }),
  );

  app.delete(
    '/secrets/:name',
    {
      schema: {
        ...docs(
          'Delete a secret',
          'Steps that use it fail from then on, naming it; publishing a graph using it is a 422.',
        ),
        params,
        response: { 204: z.null().describe('Deleted'), ...e404 },
      },
    },
    async (request, reply) => {
      await secrets.remove(request.params.name);
      return reply.status(204).send(null);
    },
  );
};
