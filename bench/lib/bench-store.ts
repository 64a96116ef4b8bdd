// The store of the stack under test, for the benches that read or seed it directly.
import { connectMongo } from '../../packages/runtime/src/platform/db/mongo.ts';

/**
 * The store of the local stack, as `npm start` picks it (scripts/start.mjs): MONGODB_URI when it points elsewhere,
 * else the embedded store on 127.0.0.1 at MONGO_PORT, by default 27017.
 */
export function stackMongodbUri(env = process.env): string {
  if (env.MONGODB_URI) return env.MONGODB_URI;
  return `mongodb://127.0.0.1:${env.MONGO_PORT ?? 27017}/`;
}

/** The stack's store and its database (MONGODB_DB, default casework), for seeding cases straight into it. */
export function connectBenchStore() {
  return connectMongo(stackMongodbUri(), process.env.MONGODB_DB ?? 'casework');
}
