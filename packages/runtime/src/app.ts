import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Env } from './config/env.ts';
import { createIdempotencyRepository } from './platform/idempotency/idempotency-repository.ts';
import { connectMongo, pingMongo, type MongoHandle } from './platform/db/mongo.ts';
import { createSystemCheckRepository } from './platform/system-checks/system-check-repository.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { newId } from './platform/ids.ts';
import { registerEditor } from './platform/http/editor.plugin.ts';
import { frameworkErrorHandler, registerErrorHandler, registerNotFoundHandler } from './platform/http/error-handler.ts';
import { registerIdempotency } from './platform/idempotency/idempotency.plugin.ts';
import { registerJsonBodyParser } from './platform/http/json-body.plugin.ts';
import { registerOpenApi } from './platform/http/openapi.plugin.ts';
import { registerRateLimit } from './platform/rate-limit/rate-limit.plugin.ts';
import { registerRequestId } from './platform/http/request-id.plugin.ts';
import { registerRequestLog } from './platform/http/request-log.plugin.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.plugin.ts';
import { trackRouteMethods } from './platform/http/route-methods.ts';
import { documentErrorResponses } from './platform/http/error-responses.ts';
import { caseQueueRoutes } from './cases/routes/case-queues.routes.ts';
import { caseActionRoutes } from './cases/routes/case-actions.routes.ts';
import { caseRoutes } from './cases/routes/cases.routes.ts';
import { caseSearchRoutes } from './cases/routes/case-search.routes.ts';
import { eventRoutes } from './cases/routes/events.routes.ts';
import { workflowRoutes } from './workflows/routes/workflows.routes.ts';
import { workflowScheduleRoutes } from './workflows/routes/workflow-schedule.routes.ts';
import { workflowRunRoutes } from './runs/routes/workflow-runs.routes.ts';
import { caseTemplateRoutes } from './cases/routes/case-templates.routes.ts';
import { healthRoutes } from './platform/health/health.routes.ts';
import { systemCheckRoutes } from './platform/system-checks/system-checks.routes.ts';
import { createAccess } from './access/access-composition.ts';
import { registerAuth } from './access/auth.plugin.ts';
import { apiKeyRoutes } from './access/routes/api-keys.routes.ts';
import { sessionRoutes } from './access/routes/sessions.routes.ts';
import { userRoutes } from './access/routes/users.routes.ts';
import { createDomains, ensureStoreIndexes } from './composition.ts';
import { createSecretRepository } from './secrets/secret-repository.ts';
import { createSecretService } from './secrets/secret-service.ts';
import { secretRoutes } from './secrets/secrets.routes.ts';
import { caseQueueResource } from './cases/case-queue-service.ts';
import { startCaseSweeper } from './cases/case-sweeper.ts';
import { createEventFeed } from './cases/event-feed.ts';
import { createEventRepository } from './cases/event-repository.ts';
import { caseTemplateResource } from './cases/case-template-service.ts';
import { createIdempotencyService } from './platform/idempotency/idempotency-service.ts';
import { createRateLimitService } from './platform/rate-limit/rate-limit-service.ts';
import { createReadinessService } from './platform/health/readiness-service.ts';
import { createSystemCheckService } from './platform/system-checks/system-check-service.ts';
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
// Writers publish their own events right away and retry in-process (cases/event-publisher.ts); the sweep only finds
// what a crash left behind, and runs when an api or worker starts and then rarely: on the embedded store it scans the
// cases collection under the collection's lock (measured at 100,000 cases: 0.4 s warm, 4 s cold), stalling writes.
const SWEEP_INTERVAL_MS = 10 * 60_000;

const mapOrNull = <T, R>(value: T | null, map: (value: T) => R): R | null => (value === null ? null : map(value));

/** Builds the whole api: one error handler, plugins, routes, then the not-found handler. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { env } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? { level: env.LOG_LEVEL },
    // platform/http/request-log.plugin.ts logs one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
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

  await ensureStoreIndexes(mongo.db);
  const access = await createAccess({ db: mongo.db, clock, env, log: app.log });
  const readiness = createReadinessService({
    mongodb: () => pingMongo(mongo.db, PROBE_TIMEOUT_MS),
    temporal: () => pingTemporal(temporal, PROBE_TIMEOUT_MS),
  });
  const systemChecks = createSystemCheckService({
    systemChecks: createSystemCheckRepository(mongo.db),
    temporal: { ...temporal, uiUrl: env.TEMPORAL_UI_URL },
    clock,
  });
  const domains = createDomains({ db: mongo.db, clock, log: app.log, temporal });
  const { cases: domain, runs: runDomain, workflows } = domains;
  const secrets = createSecretService({
    secrets: createSecretRepository(mongo.db),
    clock,
    key: env.CASEWORK_SECRETS_KEY,
  });
  if (!env.CASEWORK_SECRETS_KEY) app.log.warn('CASEWORK_SECRETS_KEY is not set: secrets cannot be created or used');
  const eventRepository = createEventRepository(mongo.db);
  const eventFeed = createEventFeed({ events: eventRepository, log: app.log });
  app.addHook('onClose', async () => eventFeed.stop());
  const sweeper = startCaseSweeper({ publisher: domain.publisher, log: app.log, intervalMs: SWEEP_INTERVAL_MS });
  // Hooks run last-registered first: pending outbox clears are written before the store connection closes.
  app.addHook('onClose', async () => {
    sweeper.stop();
    await domain.publisher.flush();
  });

  registerRequestId(app);
  registerRequestLog(app);
  const allowedMethods = trackRouteMethods(app);
  documentErrorResponses(app, { prefix: '/api/v1' });
  await registerSecurityHeaders(app);
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  await registerOpenApi(app, { version: VERSION });
  await app.register(healthRoutes, { readiness });
  await app.register(
    async (api) => {
      await registerAuth(api, access, allowedMethods);
      // Rate limiting, then Idempotency-Key on POSTs (docs/architecture.md, "HTTP API conventions"); both need the principal resolved.
      const counters = access.counters;
      const limits = { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS };
      registerRateLimit(api, createRateLimitService({ counters, clock, ...limits }));
      registerIdempotency(api, createIdempotencyService({ records: createIdempotencyRepository(mongo.db), clock }));
      await api.register(sessionRoutes, { sessions: access.sessions, secureCookie: env.SESSION_COOKIE_SECURE });
      await api.register(userRoutes, { users: access.users });
      await api.register(apiKeyRoutes, { apiKeys: access.apiKeys });
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
      await api.register(caseSearchRoutes, { search: domain.search });
      await api.register(eventRoutes, { cases: domain.cases, feed: eventFeed, events: eventRepository });
      await api.register(workflowRoutes, { workflows });
      await api.register(secretRoutes, { secrets });
      await api.register(workflowScheduleRoutes, {
        workflows,
        schedules: domains.schedules,
        temporal: { uiUrl: env.TEMPORAL_UI_URL, namespace: env.TEMPORAL_NAMESPACE },
      });
      await api.register(workflowRunRoutes, {
        workflows,
        runs: runDomain.runService,
        scheduledRuns: domains.scheduledRuns,
        temporal: { uiUrl: env.TEMPORAL_UI_URL, namespace: env.TEMPORAL_NAMESPACE },
      });
    },
    { prefix: '/api/v1' },
  );
  const editorFallback = env.CASEWORK_EDITOR_DIR ? await registerEditor(app, env.CASEWORK_EDITOR_DIR) : null;
  registerNotFoundHandler(app, { fallback: editorFallback, allowedMethods });
  return app;
}
