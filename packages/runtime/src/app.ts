import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Env } from './config/env.ts';
import { createApiKeyRepository } from './db/api-key-repository.ts';
import { ensureIndexes } from './db/indexes.ts';
import { connectMongo, pingMongo, type MongoHandle } from './db/mongo.ts';
import { createSystemCheckRepository } from './db/system-check-repository.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { newId } from './lib/ids.ts';
import { registerAuth } from './plugins/auth.plugin.ts';
import { registerEditor } from './plugins/editor.plugin.ts';
import { registerErrorHandler, registerNotFoundHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.plugin.ts';
import { registerRequestId } from './plugins/request-id.plugin.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { systemCheckRoutes } from './routes/system-checks/system-checks.routes.ts';
import { createApiKeyService } from './services/api-key-service.ts';
import { createReadinessService } from './services/readiness-service.ts';
import { createSystemCheckService } from './services/system-check-service.ts';
import { createTemporalHandle, pingTemporal, type TemporalHandle } from './temporal/client.ts';

export interface AppOptions {
  env: Env;
  logger?: FastifyServerOptions['logger'];
  clock?: Clock;
  /** Reuse connections (tests); otherwise the app opens its own and closes them with itself. */
  mongo?: MongoHandle;
  temporal?: TemporalHandle;
}

const VERSION = '0.1.0';
const BODY_LIMIT_BYTES = 1024 * 1024;
const PROBE_TIMEOUT_MS = 2_000;

/** Builds the whole api: one error handler, plugins, routes, then the not-found handler. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { env } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? { level: env.LOG_LEVEL },
    genReqId: () => newId('request'),
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep `/api/v1/x` and `/api/v1/x/` the same route.
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mongo = opts.mongo ?? (await connectMongo(env.MONGODB_URI, env.MONGODB_DB));
  const temporal =
    opts.temporal ??
    createTemporalHandle({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    });
  app.addHook('onClose', async () => {
    if (!opts.mongo) await mongo.client.close();
    if (!opts.temporal) await temporal.connection.close();
  });

  await ensureIndexes(mongo.db);
  const apiKeys = createApiKeyService({ apiKeys: createApiKeyRepository(mongo.db), clock });
  if (env.CASEWORK_API_KEY) await apiKeys.register(env.CASEWORK_API_KEY, 'configured key (CASEWORK_API_KEY)');
  const readiness = createReadinessService({
    mongodb: () => pingMongo(mongo.db, PROBE_TIMEOUT_MS),
    temporal: () => pingTemporal(temporal, PROBE_TIMEOUT_MS),
  });
  const systemChecks = createSystemCheckService({
    systemChecks: createSystemCheckRepository(mongo.db),
    temporal: { ...temporal, uiUrl: env.TEMPORAL_UI_URL },
    clock,
  });

  registerRequestId(app);
  registerErrorHandler(app);
  await registerOpenApi(app, { version: VERSION });
  await app.register(healthRoutes, { readiness });
  await app.register(
    async (api) => {
      registerAuth(api, apiKeys);
      await api.register(systemCheckRoutes, { systemChecks });
    },
    { prefix: '/api/v1' },
  );
  const editorFallback = env.CASEWORK_EDITOR_DIR ? await registerEditor(app, env.CASEWORK_EDITOR_DIR) : null;
  registerNotFoundHandler(app, { fallback: editorFallback });
  return app;
}
