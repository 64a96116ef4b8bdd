import { compile, createCaseQueueRequestSchema, createCaseTemplateRequestSchema } from '@casework/shared';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Runtime, Worker } from '@temporalio/worker';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCaseIndexes } from '../../src/cases/case-collections.ts';
import { ensureRunIndexes } from '../../src/runs/workflow-run-collections.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createCatalogSnapshotSource } from '../../src/workflows/catalog-snapshot.ts';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { workflowInterceptorModules, workflowsPath } from '../../src/temporal/worker-factory.ts';
import { runViewSinks } from '../../src/temporal/run-view-sinks.ts';
import { testServices } from '../helpers/services.ts';
import { createTestEnv } from '../helpers/test-env.ts';
import { exampleTemplateAttributes, exampleWorkflow } from '../helpers/workflow-fixtures.ts';

// The canonical review workflow's timeout branch: nobody resolves the case, so after a day the run leaves
// `wait-resolved` by `timed-out` and tags the case — a day that passes in seconds on the time-skipping server,
// while every step changes the case in a real database through the case services.
describe('the review workflow when nobody decides within a day', () => {
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const env = createTestEnv();
    mongo = await new MongoClient(env.MONGODB_URI).connect();
    db = mongo.db(env.MONGODB_DB);
    await ensureCaseIndexes(db);
    await ensureRunIndexes(db);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await mongo?.close();
  });

  it('waits the whole day, then takes the timed-out branch; the 2-hour SLA breaches on the way', async () => {
    const testEnv = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServices().temporalTestServer } },
    });
    try {
      // The time-skipping server starts without custom search attributes; register ours as `npm start` does
      // (indexed value types: 2 = Keyword, 7 = KeywordList).
      await testEnv.connection.operatorService.addSearchAttributes({
        namespace: testEnv.namespace ?? 'default',
        searchAttributes: { CaseworkWorkflowId: 2, CaseworkVersionId: 2, CaseworkCaseIds: 7 },
      });
      const taskQueue = 'review-timeout-time-skipping';
      const domains = createDomains({
        db,
        clock: systemClock,
        log: { warn: () => {} },
        temporal: { client: testEnv.client, taskQueue },
      });
      const { cases: domain, runs: runDomain } = domains;
      const activities = workerActivities(domains, { db, clock: systemClock });
      const worker = await Worker.create({
        connection: testEnv.nativeConnection,
        taskQueue,
        workflowBundle: await bundleWorkflowCode({
          workflowsPath,
          workflowInterceptorModules,
          logger: Runtime.instance().logger,
        }),
        sinks: runViewSinks(domains.runs.runs, { warn: () => {} }),
        activities,
      });

      const queue = await domain.caseQueues.create(
        createCaseQueueRequestSchema.parse({ data: { attributes: { name: 'KYC review' } } }).data.attributes,
      );
      const template = await domain.caseTemplates.create(
        createCaseTemplateRequestSchema.parse({ data: { attributes: exampleTemplateAttributes() } }).data.attributes,
      );
      const { graph } = exampleWorkflow({ templateId: template.id, queueId: queue.id });
      const compiled = compile(graph, await createCatalogSnapshotSource(db)());
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));

      await worker.runUntil(async () => {
        const run = await runDomain.runService.start({
          version: { workflowId: 'wfl_timeout', versionId: 'wfv_timeout', versionNumber: 1, plan: compiled.plan },
          input: {
            'inquiry-id': 'inq_Timeout0000000000000001',
            'report-id': 'rep_Timeout0000000000000001',
            amount: 40_000,
          },
          trigger: { kind: 'api' },
          creator: null,
        });
        const handle = testEnv.client.workflow.getHandle(run._id);

        await testEnv.sleep('23h');
        const waiting = await runDomain.runs.findById(run._id);
        expect(waiting?.status).toBe('waiting');
        const caseId = String(waiting?.caseIds[0]);
        const breached = await domain.cases.get(caseId);
        expect(breached.slaExpiredAt).toBeInstanceOf(Date);
        expect(breached.tags).toEqual([]);

        await handle.result();
        const done = await runDomain.runs.findById(run._id);
        const step = (id: string) => done?.steps.find((candidate) => candidate['node-id'] === id);
        expect(done?.status).toBe('completed');
        expect(step('wait-resolved')).toMatchObject({
          status: 'completed',
          output: { event: null, case: { id: caseId } },
        });
        expect(step('escalate')?.status).toBe('completed');
        expect(step('check-status')?.status).toBe('skipped');
        const kase = await domain.cases.get(caseId);
        expect(kase.tags).toEqual(['no-decision-in-a-day']);
        expect(kase.resolvedAt).toBeNull();
      });
    } finally {
      await testEnv.teardown();
    }
  });
});
