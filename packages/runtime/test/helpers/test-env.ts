import { randomBytes } from 'node:crypto';
import { loadEnv, type Env } from '../../src/config/env.ts';
import { testServices } from './services.ts';

const suffix = () => randomBytes(6).toString('hex');

/**
 * A configuration of its own for one test file: a fresh database and task queue on the shared servers,
 * so test files never see each other's data or workflows.
 */
export function createTestEnv(overrides: Partial<Record<keyof Env, string>> = {}): Env {
  const services = testServices();
  return loadEnv({
    MONGODB_URI: services.mongodbUri,
    MONGODB_DB: `test_${suffix()}`,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-${suffix()}`,
    TEMPORAL_UI_URL: 'http://localhost:8233',
    CASEWORK_API_KEY: `cw_test_${randomBytes(24).toString('base64url')}`,
    CASEWORK_SECRETS_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}
