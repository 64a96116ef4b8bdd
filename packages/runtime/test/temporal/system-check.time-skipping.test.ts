import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames, type SystemCheckDocument } from '../../src/platform/db/platform-collections.ts';
import { createActivities } from '../../src/temporal/activities/index.ts';
import { workflowsPath } from '../../src/temporal/worker-factory.ts';
import { testServices } from '../helpers/services.ts';
import { createTestEnv } from '../helpers/test-env.ts';

// Temporal's time-skipping test server (installed by the bootstrap, never downloaded at test time):
// a day-long durable timer passes in moments, and the activity still writes the real database.
describe('system check under the time-skipping server', () => {
  let testEnv: TestWorkflowEnvironment;
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const services = testServices();
    testEnv = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: services.temporalTestServer } },
    });
    const env = createTestEnv();
    mongo = await new MongoClient(env.MONGODB_URI).connect();
    db = mongo.db(env.MONGODB_DB);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await mongo?.close();
    await testEnv?.teardown();
  });

  it('waits out a 24-hour timer and completes once', async () => {
    const checkId = 'chk_timeSkipping24hAAAAAAA';
    const createdAt = new Date();
    await db.collection<SystemCheckDocument>(collectionNames.systemChecks).insertOne({
      _id: checkId,
      status: 'pending',
      delaySeconds: 24 * 3600,
      createdAt,
      activityExecutions: 0,
      workflowId: checkId,
      temporalRunId: null,
    });
    const worker = await Worker.create({
      connection: testEnv.nativeConnection,
      taskQueue: 'time-skipping',
      workflowsPath,
      activities: createActivities({ db, clock: () => new Date() }),
    });

    const started = Date.now();
    const result = await worker.runUntil(
      testEnv.client.workflow.execute('systemCheck', {
        taskQueue: 'time-skipping',
        workflowId: checkId,
        args: [{ checkId, delaySeconds: 24 * 3600 }],
      }),
    );

    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.completedAt).toEqual(expect.any(String));
    const stored = await db.collection<SystemCheckDocument>(collectionNames.systemChecks).findOne({ _id: checkId });
    expect(stored).toMatchObject({ status: 'completed', activityExecutions: 1 });
  });
});
