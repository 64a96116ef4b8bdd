import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, at `/openapi.json`, with Swagger UI at `/docs`.
 * Must be registered before the routes it documents.
 */
export async function registerOpenApi(app: FastifyInstance, opts: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Casework API',
        version: opts.version,
        description:
          "Case-management workflows on Temporal and MongoDB. Speaks Persona's Cases API dialect: kebab-case JSON:API.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key.' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'casework_session',
            description: "The web app's session (POST /api/v1/sessions); writes also need its X-CSRF-Token.",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
