import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, MongoServerError, type ObjectId } from 'mongodb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../scripts/lib/ports.mjs';
import { startMongoServer } from '../../../../scripts/lib/services.mjs';
import { testServices } from '../helpers/services.ts';

type Store = Awaited<ReturnType<typeof startMongoServer>>;

// The local stack's store (tools/mongo-server): what the runtime relies on it for, checked on instances of its
// own (free port, throwaway data dir) that these tests stop, kill and restart.
describe('the local MongoDB-protocol store', () => {
  const { mongoServer } = testServices();
  const root = mkdtempSync(path.join(tmpdir(), 'casework-store-'));
  const stores: Store[] = [];
  const clients: MongoClient[] = [];
  let dirs = 0;

  const newDataDir = () => path.join(root, `data-${++dirs}`, 'mongo');
  const storeFileSize = (dataDir: string) => statSync(path.join(dataDir, 'casework.mv')).size;

  const launch = async (dataDir: string, env: NodeJS.ProcessEnv = process.env) => {
    if (!mongoServer) throw new Error('these tests need the local store build (Java and Maven)');
    const store = await startMongoServer({ mongoServer, port: await freePort(), dataDir, echo: false, env });
    stores.push(store);
    return store;
  };
  // Fails fast once its server is gone, instead of waiting 30 s for one to appear.
  const connect = (store: Store, maxPoolSize = 20) => {
    const client = new MongoClient(store.uri, { serverSelectionTimeoutMS: 2_000, maxPoolSize });
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close(true)));
    await Promise.all(stores.splice(0).map((store) => store.proc.stop()));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.skipIf(!mongoServer)('keeps every acknowledged insert when killed with SIGKILL mid-load', async () => {
    const dataDir = newDataDir();
    const store = await launch(dataDir);
    const acknowledged: ObjectId[] = [];
    const writer = async (client: MongoClient, worker: number) => {
      const collection = client.db('durability').collection('docs');
      for (let seq = 0; ; seq++) {
        try {
          const { insertedId } = await collection.insertOne({ worker, seq, payload: 'x'.repeat(200) });
          acknowledged.push(insertedId);
        } catch {
          return; // the server is gone
        }
      }
    };
    // Four clients with three connections each, all inserting until the server dies under them.
    const writers = Array.from({ length: 4 }, () => connect(store, 3)).flatMap((client, index) =>
      [0, 1, 2].map((lane) => writer(client, index * 3 + lane)),
    );
    while (acknowledged.length < 500) await new Promise((resolve) => setTimeout(resolve, 20));
    store.proc.child.kill('SIGKILL');
    await Promise.all(writers);
    await Promise.all(clients.splice(0).map((client) => client.close(true)));

    const restarted = await launch(dataDir);
    const docs = await connect(restarted).db('durability').collection('docs').find().toArray();
    const ids = new Set(docs.map((doc) => doc._id.toHexString()));
    const missing = acknowledged.filter((id) => !ids.has(id.toHexString()));
    expect(missing, `${missing.length} of ${acknowledged.length} acknowledged inserts lost`).toEqual([]);
    const attempts = docs.map((doc) => `${doc.worker}:${doc.seq}`);
    expect(new Set(attempts).size, 'an insert stored twice').toBe(attempts.length);
  });

  it.skipIf(!mongoServer)('applies concurrent updates and unique inserts atomically', async () => {
    const store = await launch(newDataDir());
    const collection = connect(store).db('atomicity').collection<{ _id: string; n?: number; version?: number }>('docs');
    await collection.insertOne({ _id: 'counter', n: 0, version: 1 });

    await Promise.all(Array.from({ length: 20 }, () => collection.updateOne({ _id: 'counter' }, { $inc: { n: 1 } })));
    expect((await collection.findOne({ _id: 'counter' }))?.n).toBe(20);

    const claims = await Promise.all(
      Array.from({ length: 20 }, () =>
        collection.findOneAndUpdate({ _id: 'counter', version: 1 }, { $set: { version: 2 } }),
      ),
    );
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);

    const keyed = connect(store).db('atomicity').collection<{ key: string }>('keyed');
    await keyed.createIndex({ key: 1 }, { unique: true });
    const inserts = await Promise.allSettled(Array.from({ length: 20 }, () => keyed.insertOne({ key: 'only' })));
    expect(inserts.filter((insert) => insert.status === 'fulfilled')).toHaveLength(1);
    for (const insert of inserts) {
      if (insert.status === 'rejected') expect(insert.reason).toMatchObject({ code: 11000 });
    }
    const duplicate = await keyed.insertOne({ key: 'only' }).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(MongoServerError);
    expect(duplicate).toMatchObject({ code: 11000 });
  });

  it.skipIf(!mongoServer)('stops cleanly on SIGTERM and finds its data after a restart', async () => {
    const dataDir = newDataDir();
    const store = await launch(dataDir);
    const client = connect(store);
    await client
      .db('restart')
      .collection('docs')
      .insertMany(Array.from({ length: 100 }, (_, n) => ({ n })));
    await client.close();

    const { code, signal } = await store.proc.stop();
    // The JVM ends with 128 + 15 once its shutdown hook has closed the store.
    expect([0, 143]).toContain(code);
    expect(signal).toBeNull();

    const restarted = await launch(dataDir);
    expect(await connect(restarted).db('restart').collection('docs').countDocuments()).toBe(100);
  });

  it.skipIf(!mongoServer)('takes JVM options from CASEWORK_STORE_JAVA_OPTS, and refuses what is not one', async () => {
    await expect(launch(newDataDir(), { CASEWORK_STORE_JAVA_OPTS: 'TieredStopAtLevel=4' })).rejects.toThrow(
      /CASEWORK_STORE_JAVA_OPTS holds TieredStopAtLevel=4, which is not a JVM option/,
    );
    // An option the JVM does not know stops it at start, and the error says which.
    await expect(launch(newDataDir(), { CASEWORK_STORE_JAVA_OPTS: '-XX:+NoSuchCaseworkOption' })).rejects.toThrow(
      /NoSuchCaseworkOption/,
    );
    // The optimizing JIT back on, as a store that serves for days may want it.
    const store = await launch(newDataDir(), { CASEWORK_STORE_JAVA_OPTS: ' -XX:TieredStopAtLevel=4 ' });
    await connect(store).db('options').collection('docs').insertOne({ n: 1 });
    expect(await connect(store).db('options').collection('docs').countDocuments()).toBe(1);
  });

  it.skipIf(!mongoServer)('compacts its file at start', async () => {
    const dataDir = newDataDir();
    const store = await launch(dataDir);
    const collection = connect(store).db('churn').collection<{ _id: number; round: number; payload: string }>('docs');
    await collection.insertMany(
      Array.from({ length: 200 }, (_, n) => ({ _id: n, round: 0, payload: 'x'.repeat(500) })),
    );
    for (let round = 1; round <= 10; round++) {
      await Promise.all(Array.from({ length: 200 }, (_, n) => collection.updateOne({ _id: n }, { $set: { round } })));
    }
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await store.proc.stop();
    const churned = storeFileSize(dataDir);

    const restarted = await launch(dataDir);
    const compacted = storeFileSize(dataDir);
    expect(compacted, `${churned} bytes before the restart, ${compacted} after`).toBeLessThan(churned / 2);
    const docs = await connect(restarted).db('churn').collection('docs').find().toArray();
    expect(docs).toHaveLength(200);
    expect(docs.every((doc) => doc.round === 10)).toBe(true);
  });
});
