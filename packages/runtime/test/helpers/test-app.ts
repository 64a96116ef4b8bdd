import type { FastifyInstance } from 'fastify';
import { MongoClient, type Db } from 'mongodb';
import { buildApp } from '../../src/app.ts';
import type { Env } from '../../src/config/env.ts';
import { createTestEnv } from './test-env.ts';

export interface TestApp {
  app: FastifyInstance;
  env: Env;
  /** Direct access to the test's database, to check what the API wrote. */
  db: Db;
  auth: { authorization: string };
  close(): Promise<void>;
}

/** The real app (real MongoDB protocol, real Temporal) on a database of its own, dropped on close. */
export async function createTestApp(overrides: Parameters<typeof createTestEnv>[0] = {}): Promise<TestApp> {
  const env = createTestEnv(overrides);
  const app = await buildApp({ env });
  const mongo = await new MongoClient(env.MONGODB_URI).connect();
  const db = mongo.db(env.MONGODB_DB);
  return {
    app,
    env,
    db,
    auth: { authorization: `Bearer ${env.CASEWORK_API_KEY}` },
    async close() {
      await app.close();
      await db.dropDatabase();
      await mongo.close();
    },
  };
}
