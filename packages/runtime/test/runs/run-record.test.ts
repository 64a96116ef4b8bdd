import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.ts';
import type { WorkflowRunDocument } from '../../src/runs/workflow-run-collections.ts';
import {
  createWorkflowRunRepository,
  type RunSnapshot,
  type WorkflowRunRepository,
} from '../../src/runs/workflow-run-repository.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// A run's record takes snapshots from its workflow (local activities) and from the worker at each workflow task's end
// (packages/runtime/src/temporal/run-view-sinks.ts); `seq` orders them. What the run list and view show depends on it.
describe("a run's record", () => {
  let t: TestApp;
  let runs: WorkflowRunRepository;

  beforeAll(async () => {
    t = await createTestApp();
    runs = createWorkflowRunRepository(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function recordAt(seq: number): Promise<string> {
    const now = new Date();
    const run: WorkflowRunDocument = {
      _id: newId('workflowRun'),
      workflowId: 'wfl_record',
      versionId: 'wfv_record',
      versionNumber: 1,
      trigger: { kind: 'api' },
      input: {},
      status: seq > 0 ? 'waiting' : 'in_progress',
      steps: [],
      caseIds: [],
      error: null,
      temporalRunId: null,
      seq,
      creator: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    await runs.insert(run);
    return run._id;
  }

  const snapshot = (seq: number, status: RunSnapshot['status']): RunSnapshot => ({
    seq,
    status,
    steps: [],
    caseIds: ['case_late'],
    error: null,
    temporalRunId: 'temporal-run',
    updatedAt: new Date(),
    completedAt: status === 'completed' ? new Date() : null,
  });

  it('keeps a later snapshot over an older one that arrives after it', async () => {
    const id = await recordAt(5);
    expect(await runs.applySnapshot(id, snapshot(4, 'in_progress'))).toBe(false);
    expect(await runs.findById(id)).toMatchObject({ seq: 5, status: 'waiting', caseIds: [] });
    expect(await runs.applySnapshot(id, snapshot(6, 'in_progress'))).toBe(true);
    expect(await runs.findById(id)).toMatchObject({ seq: 6, status: 'in_progress', caseIds: ['case_late'] });
  });

  it("takes the run's end whatever its seq (a worker of another release may count differently), once", async () => {
    const id = await recordAt(9);
    expect(await runs.applySnapshot(id, snapshot(3, 'completed'))).toBe(true);
    expect(await runs.findById(id)).toMatchObject({ status: 'completed', seq: 10, caseIds: ['case_late'] });
    // A retried end (the same record again) changes nothing.
    expect(await runs.applySnapshot(id, snapshot(3, 'completed'))).toBe(false);
    expect((await runs.findById(id))?.seq).toBe(10);
  });
});
