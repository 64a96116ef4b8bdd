import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames } from '../../src/platform/db/platform-collections.ts';
import { eventually } from '../helpers/eventually.ts';
import { connectTemporal } from '../helpers/temporal.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The smoke path: API → Temporal workflow → activity writes MongoDB → API reads it back, all real.
describe('system check through the real stack', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
  });

  it('starts a workflow whose activity writes MongoDB, and reads the result back over the API', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/system-checks', headers: t.auth });
    expect(created.statusCode).toBe(201);
    const { data } = created.json();
    expect(data).toMatchObject({ type: 'system-check', attributes: { status: 'pending', 'delay-seconds': 0 } });
    expect(data.id).toMatch(/^chk_/);
    expect(data.attributes['temporal-ui-url']).toMatch(
      new RegExp(`^http://localhost:8233/namespaces/default/workflows/${data.id}/[0-9a-f-]{36}/history$`),
    );

    const completed = await eventually(
      async () => {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/system-checks/${data.id}`,
          headers: t.auth,
        });
        const body = response.json();
        return body.data.attributes.status === 'completed' ? body.data : undefined;
      },
      { what: 'the system check to complete' },
    );
    expect(completed.attributes['activity-executions']).toBe(1);
    expect(Date.parse(completed.attributes['completed-at'])).toBeGreaterThanOrEqual(
      Date.parse(completed.attributes['created-at']),
    );

    // The document really is in MongoDB, written by the activity.
    const stored = await t.db.collection(collectionNames.systemChecks).findOne({ _id: data.id });
    expect(stored).toMatchObject({ status: 'completed', activityExecutions: 1 });

    // And Temporal knows the workflow finished, once.
    const temporal = await connectTemporal(t.env);
    try {
      // The activity's write lands just before the workflow's final task: wait for the run itself to end.
      await temporal.client.workflow.getHandle(data.id).result();
      const description = await temporal.client.workflow.getHandle(data.id).describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.type).toBe('systemCheck');
      const counts = await temporal.historyCounts(data.id);
      expect(counts.activityTaskCompleted).toBe(1);
      expect(counts.workflowExecutionCompleted).toBe(1);
    } finally {
      await temporal.close();
    }
  });

  it('accepts an empty body and a JSON body with a delay', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/system-checks', headers: t.auth });
    expect(empty.json().data.attributes['delay-seconds']).toBe(0);
    const delayed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system-checks',
      headers: t.auth,
      payload: { meta: { 'delay-seconds': 1 } },
    });
    expect(delayed.statusCode).toBe(201);
    expect(delayed.json().data.attributes['delay-seconds']).toBe(1);
  });
});
