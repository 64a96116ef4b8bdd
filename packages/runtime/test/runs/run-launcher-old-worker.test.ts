import { fileURLToPath } from 'node:url';
import { pendingSteps } from '@casework/shared/workflow';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import { createRunLauncher } from '../../src/runs/run-launcher.ts';
import type { WorkflowRunDocument } from '../../src/runs/workflow-run-collections.ts';
import { createWorkflowRunRepository } from '../../src/runs/workflow-run-repository.ts';
import type { RunnableVersion } from '../../src/runs/workflow-run-service.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const oldRunPlan = fileURLToPath(new URL('../fixtures/run-plan-before-first-task.workflow.ts', import.meta.url));

// `Prefer: wait` against a worker from before the `runPlan.firstTask` update (a rolling upgrade: the api is new, the
// worker not yet): the worker refuses the update as its run's first task ends, which answers the start all the same.
describe('starting a run answered by a worker that does not know the first-task update', () => {
  let t: TestApp;
  let temporal: TemporalHandle;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `old-worker-${newId('workflowRun').slice(-8)}`;

  beforeAll(async () => {
    t = await createTestApp();
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue,
    });
    connection = await NativeConnection.connect({ address: t.env.TEMPORAL_ADDRESS });
    worker = await Worker.create({
      connection,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue,
      workflowsPath: oldRunPlan,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await temporal?.connection.close();
    await t?.close();
  });

  it('starts the run, answers once its first task has ended, and records its creation once', async () => {
    const created: string[] = [];
    const launcher = createRunLauncher({
      runs: createWorkflowRunRepository(t.db),
      temporal,
      recordCreated: async (run) => void created.push(run._id),
    });
    const version: RunnableVersion = {
      workflowId: newId('workflow'),
      versionId: newId('workflowVersion'),
      versionNumber: 1,
      // The old worker's runPlan never reads its plan.
      plan: { version: 1, trigger: 'trigger', steps: {} },
    };
    const now = new Date();
    const run: WorkflowRunDocument = {
      _id: newId('workflowRun'),
      workflowId: version.workflowId,
      versionId: version.versionId,
      versionNumber: 1,
      trigger: { kind: 'api' },
      input: {},
      status: 'in_progress',
      steps: pendingSteps([]),
      caseIds: [],
      error: null,
      temporalRunId: null,
      seq: 0,
      creator: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };

    const answered = await launcher.launchAnswered(run, version, true, Date.now() + 30_000);

    expect(answered).toBe(true);
    expect(created).toEqual([run._id]);
    const handle = temporal.client.workflow.getHandle(run._id);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const events = (await handle.fetchHistory()).events ?? [];
    // The first task ended (its timer started) and the refused update left nothing in the history.
    expect(events.some((event) => event.workflowTaskCompletedEventAttributes)).toBe(true);
    expect(events.some((event) => event.timerStartedEventAttributes)).toBe(true);
    expect(events.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    await handle.terminate('test done');
  });
});
