import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[] };
type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } };

const admitsNull = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined &&
  (schema.type === 'null' ||
    (Array.isArray(schema.type) && schema.type.includes('null')) ||
    (schema.anyOf ?? []).some(admitsNull));

/**
 * @fastify/swagger marks every request body required. Fastify validates a missing body as `null`, though
 * (fastify's lib/validation.js), so a route whose body schema admits null really takes no body at all
 * (`POST /system-checks`, `POST /workflows/{id}/publish`): the document says so, and clients and fuzzers may leave
 * it out.
 */
function markOptionalBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const operation of Object.values(paths).flatMap((methods) => Object.values(methods))) {
    const body = operation.requestBody;
    if (body?.content && Object.values(body.content).every((media) => admitsNull(media.schema))) body.required = false;
  }
  return document;
}

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
    transformObject: (input) => markOptionalBodies(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
