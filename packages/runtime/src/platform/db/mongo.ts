import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

export interface MongoHandle {
  client: MongoClient;
  db: Db;
}

/**
 * Connects to MongoDB (or the embedded store). The driver reconnects by itself after the server returns,
 * so one client lives as long as the process. `options.monitorCommands` lets a bench count the commands sent
 * (bench/store-ops.ts).
 */
export async function connectMongo(
  uri: string,
  dbName: string,
  options: Pick<MongoClientOptions, 'monitorCommands'> = {},
): Promise<MongoHandle> {
  const client = new MongoClient(uri, {
    ...options,
    appName: 'casework',
    serverSelectionTimeoutMS: 10_000,
    // Keep the probe quick so /readyz notices a stopped server within seconds.
    heartbeatFrequencyMS: 2_000,
    // A modest pool: the embedded store runs writes one at a time, so more connections only queue there.
    maxPoolSize: 20,
  });
  await client.connect();
  return { client, db: client.db(dbName) };
}

/** Whether the server answers a ping within `timeoutMs`. */
export async function pingMongo(db: Db, timeoutMs: number): Promise<void> {
  await db.command({ ping: 1 }, { timeoutMS: timeoutMs });
}
