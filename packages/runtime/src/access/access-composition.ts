import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import type { Env } from '../config/env.ts';
import type { Clock } from '../platform/clock.ts';
import { createRateLimitRepository } from '../platform/rate-limit/rate-limit-repository.ts';
import { createApiKeyRepository } from './api-key-repository.ts';
import { createApiKeyService } from './api-key-service.ts';
import { createSessionRepository } from './session-repository.ts';
import { createSessionService } from './session-service.ts';
import { createUserRepository } from './user-repository.ts';
import { createUserService } from './user-service.ts';

/**
 * The access domain's services, with what the environment asks for at start-up: CASEWORK_API_KEY registered as the
 * configured admin key, and the first admin (CASEWORK_ADMIN_EMAIL / _PASSWORD) created while no user exists.
 */
export async function createAccess(deps: {
  db: Db;
  clock: Clock;
  env: Pick<Env, 'CASEWORK_API_KEY' | 'CASEWORK_ADMIN_EMAIL' | 'CASEWORK_ADMIN_PASSWORD' | 'SESSION_TTL_SECONDS'>;
  log: FastifyBaseLogger;
}) {
  const { db, clock, env } = deps;
  const counters = createRateLimitRepository(db);
  const apiKeys = createApiKeyService({ apiKeys: createApiKeyRepository(db), clock });
  const users = createUserService({ users: createUserRepository(db), clock });
  const sessions = createSessionService({
    sessions: createSessionRepository(db),
    users,
    attempts: counters,
    clock,
    ttlSeconds: env.SESSION_TTL_SECONDS,
  });
  if (env.CASEWORK_API_KEY) await apiKeys.register(env.CASEWORK_API_KEY, 'configured key (CASEWORK_API_KEY)');
  if (env.CASEWORK_ADMIN_EMAIL && env.CASEWORK_ADMIN_PASSWORD) {
    if (await users.ensureFirstAdmin(env.CASEWORK_ADMIN_EMAIL, env.CASEWORK_ADMIN_PASSWORD)) {
      deps.log.info({ email: env.CASEWORK_ADMIN_EMAIL }, 'created the first admin user');
    }
  }
  return { apiKeys, users, sessions, counters };
}

export type Access = Awaited<ReturnType<typeof createAccess>>;
