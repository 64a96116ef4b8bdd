// The store of the stack under test, for the benches that seed many cases straight into it (as a bulk import does,
// with the runtime's newCaseDocument in packages/runtime/src/cases/case-collections.ts).
import { connectMongo } from '../../packages/runtime/src/platform/db/mongo.ts';

/** MONGODB_URI (default the local stack's port, MONGO_PORT) and MONGODB_DB, as the stack's processes read them. */
export function connectBenchStore() {
  const uri = process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${process.env.MONGO_PORT ?? '27017'}/`;
  return connectMongo(uri, process.env.MONGODB_DB ?? 'casework');
}
