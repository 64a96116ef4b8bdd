import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Env } from './config/env.ts';
import { createApiKeyRepository } from './db/api-key-repository.ts';
import { ensureCaseIndexes } from './db/case-collections.ts';
import { ensureWorkflowIndexes } from './db/workflow-collections.ts';
import { ensureRunIndexes } from './db/workflow-run-collections.ts';
import { createIdempotencyRepository } from './db/idempotency-repository.ts';
import { createRateLimitRepository } from './db/rate-limit-repository.ts';
import { ensureIndexes } from './db/indexes.ts';
import { connectMongo, pingMongo, type MongoHandle } from './db/mongo.ts';
import { createSystemCheckRepository } from './db/system-check-repository.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { newId } from './lib/ids.ts';
import { registerAuth } from './plugins/auth.plugin.ts';
import { registerEditor } from './plugins/editor.plugin.ts';
import { frameworkErrorHandler, registerErrorHandler, registerNotFoundHandler } from './plugins/error-handler.ts';
import { registerIdempotency } from './plugins/idempotency.plugin.ts';
import { registerJsonBodyParser } from './plugins/json-body.plugin.ts';
import { registerOpenApi } from './plugins/openapi.plugin.ts';
import { registerRateLimit } from './plugins/rate-limit.plugin.ts';
import { registerRequestId } from './plugins/request-id.plugin.ts';
import { caseQueueRoutes } from './routes/case-queues/case-queues.routes.ts';
import { caseActionRoutes } from './routes/cases/case-actions.routes.ts';
import { caseRoutes } from './routes/cases/cases.routes.ts';
import { eventRoutes } from './routes/events/events.routes.ts';
import { workflowRoutes } from './routes/workflows/workflows.routes.ts';
import { workflowRunRoutes } from './routes/workflow-runs/workflow-runs.routes.ts';
import { createRunDomain } from './services/run-domain.ts';
import { createWorkflowServiceOn } from './services/workflow-service.ts';
import { caseTemplateRoutes } from './routes/case-templates/case-templates.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { systemCheckRoutes } from './routes/system-checks/system-checks.routes.ts';
import { createApiKeyService } from './services/api-key-service.ts';
import { createCaseDomain } from './services/case-domain.ts';
import { caseQueueResource } from './services/case-queue-service.ts';
import { startCaseSweeper } from './services/case-sweeper.ts';
import { caseTemplateResource } from './services/case-template-service.ts';
import { createIdempotencyService } from './services/idempotency-service.ts';
import { createRateLimitService } from './services/rate-limit-service.ts';
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
// Writers publish their own events right away; the sweep only finds what a crash or an outage left behind.
const SWEEP_INTERVAL_MS = 60_000;

const mapOrNull = <T, R>(value: T | null, map: (value: T) => R): R | null => (value === null ? null : map(value));

/** Builds the whole api: one error handler, plugins, routes, then the not-found handler. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { env } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? { level: env.LOG_LEVEL },
    genReqId: () => newId('request'),
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: frameworkErrorHandler,
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
  await ensureCaseIndexes(mongo.db);
  await ensureWorkflowIndexes(mongo.db);
  await ensureRunIndexes(mongo.db);
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
  // The case domain (DESIGN.md §5–§6): templates, queues, cases, events, SLA timers.
  // Runs of workflows (DESIGN.md §7): started over HTTP, by case events, and woken by case events while waiting.
  const runDomain = createRunDomain({ db: mongo.db, clock, log: app.log, temporal });
  const domain = createCaseDomain({
    db: mongo.db,
    clock,
    log: app.log,
    temporal,
    onPublished: runDomain.dispatcher.onPublished,
  });
  const workflows = createWorkflowServiceOn(mongo.db, clock);
  const sweeper = startCaseSweeper({ publisher: domain.publisher, log: app.log, intervalMs: SWEEP_INTERVAL_MS });
  app.addHook('onClose', async () => sweeper.stop());

  registerRequestId(app);
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  await registerOpenApi(app, { version: VERSION });
  await app.register(healthRoutes, { readiness });
  await app.register(
    async (api) => {
      registerAuth(api, apiKeys);
      // Rate limiting, then Idempotency-Key on POSTs (DESIGN.md §4); both need the key auth resolved.
      const counters = createRateLimitRepository(mongo.db);
      const limits = { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS };
      registerRateLimit(api, createRateLimitService({ counters, clock, ...limits }));
      registerIdempotency(api, createIdempotencyService({ records: createIdempotencyRepository(mongo.db), clock }));
      await api.register(systemCheckRoutes, { systemChecks });
      await api.register(caseTemplateRoutes, { caseTemplates: domain.caseTemplates });
      await api.register(caseQueueRoutes, { caseQueues: domain.caseQueues });
      await api.register(caseRoutes, {
        cases: domain.cases,
        actions: domain.actions,
        includes: {
          caseTemplate: async (id) => mapOrNull(await domain.templateRepository.findById(id), caseTemplateResource),
          caseQueue: async (id) => mapOrNull(await domain.queueRepository.findById(id), caseQueueResource),
        },
      });
      await api.register(caseActionRoutes, { cases: domain.cases, actions: domain.actions });
      await api.register(eventRoutes, { cases: domain.cases });
      await api.register(workflowRoutes, { workflows });
      await api.register(workflowRunRoutes, {
        workflows,
        runs: runDomain.runService,
        temporal: { uiUrl: env.TEMPORAL_UI_URL, namespace: env.TEMPORAL_NAMESPACE },
      });
    },
    { prefix: '/api/v1' },
  );
  const editorFallback = env.CASEWORK_EDITOR_DIR ? await registerEditor(app, env.CASEWORK_EDITOR_DIR) : null;
  registerNotFoundHandler(app, { fallback: editorFallback });
  return app;
}
