import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createUserRequestSchema,
  errorDocumentSchema,
  updateUserRequestSchema,
  userDocumentSchema,
  userListQuerySchema,
  userListSchema,
} from '@casework/shared';
import { requestUrl } from '../../platform/pagination.ts';
import type { UserService } from '../user-service.ts';
import { e400, e404, idParams as params, routeDocs } from './access-route-helpers.ts';

const docs = (summary: string, description?: string) => routeDocs('users', summary, description);

/** `/api/v1/users`: people who sign in to the web app, each with one role (admins only). */
export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  app.post(
    '/users',
    {
      schema: {
        ...docs('Create a user', 'Passwords are stored as scrypt hashes and never returned.'),
        body: createUserRequestSchema,
        response: { 201: userDocumentSchema, ...e400, 409: errorDocumentSchema },
      },
    },
    async (request, reply) => reply.status(201).send({ data: await users.create(request.body.data.attributes) }),
  );

  app.get(
    '/users',
    {
      schema: {
        ...docs('List users', 'Newest first, cursor-paginated with `page[size|after|before]`.'),
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...e400 },
      },
    },
    async (request) => users.list(request.query, requestUrl(request.url)),
  );

  app.get(
    '/users/:id',
    { schema: { ...docs('Retrieve a user'), params, response: { 200: userDocumentSchema, ...e404 } } },
    async (request) => ({ data: await users.get(request.params.id) }),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        ...docs(
          'Update a user',
          'Name, role, password or `disabled`. A new password or disabling signs the user out everywhere. ' +
            'The last active admin can be neither demoted nor disabled (409).',
        ),
        params,
        body: updateUserRequestSchema,
        response: { 200: userDocumentSchema, ...e404, 409: errorDocumentSchema },
      },
    },
    async (request) => ({ data: await users.update(request.params.id, request.body.data.attributes) }),
  );
};
