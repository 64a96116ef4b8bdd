import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAction, caseEvents, createQueue, type CaseBody } from '../helpers/case-fixtures.ts';
import { eventually } from '../helpers/eventually.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { connectTemporal } from '../helpers/temporal.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  exampleTemplateAttributes,
  exampleWorkflow,
  publishWorkflow,
  runReaches,
  stepOf,
  triggerRun,
} from '../helpers/workflow-fixtures.ts';

// Persona's canonical review pattern (examples/review-workflow), driven through the HTTP API against the real
// Temporal dev server and the embedded store: trigger → condition → Create Case → Attach → Update Fields → wait for
// `case.resolved` → condition on the status → Update Fields.
describe('the canonical review workflow', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let workflowId: string;

  const getCase = async (id: string) => {
    const response = await api(t, 'GET', `/cases/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { data: CaseBody }).data;
  };
  const fieldValues = (kase: CaseBody) =>
    Object.fromEntries(Object.entries(kase.attributes.fields).map(([key, field]) => [key, field.value]));

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
    temporal = await connectTemporal(t.env);
    const template = await api(t, 'POST', '/case-templates', { data: { attributes: exampleTemplateAttributes() } });
    expect(template.statusCode, template.body).toBe(201);
    const queue = await createQueue(t, 'KYC review');
    const workflow = exampleWorkflow({
      templateId: (template.json() as { data: { id: string } }).data.id,
      queueId: queue.id,
    });
    ({ workflowId } = await publishWorkflow(t, workflow));
  });

  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
    await t?.close();
  });

  it('answers a trigger with Prefer: wait once the run has made its case and waits for the decision', async () => {
    const fields = {
      'inquiry-id': 'inq_P7efer0000000000000000000',
      'report-id': 'rep_P7efer000000000000000000',
      amount: 25_000,
      country: 'DE',
    };
    const response = await api(
      t,
      'POST',
      `/workflows/${workflowId}/trigger`,
      { data: { attributes: { fields } } },
      { prefer: 'respond-async, wait=20', 'idempotency-key': 'prefer-wait-1' },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['preference-applied']).toBe('wait=20');
    const run = (response.json() as { data: Awaited<ReturnType<typeof triggerRun>> }).data;
    // Settled in the answer itself: no poll needed to learn the case.
    expect(run.attributes.status).toBe('waiting');
    expect(stepOf(run, 'wait-resolved').status).toBe('waiting');
    const [caseId] = run.attributes['case-ids'];
    expect((await getCase(String(caseId))).attributes.status).toBe('open');

    // The same key again: the same run, not a second one.
    const again = await api(
      t,
      'POST',
      `/workflows/${workflowId}/trigger`,
      { data: { attributes: { fields } } },
      { prefer: 'wait=20', 'idempotency-key': 'prefer-wait-1' },
    );
    expect((again.json() as { data: { id: string } }).data.id).toBe(run.id);

    // wait=0 asks for nothing more than the start.
    const at0 = await api(
      t,
      'POST',
      `/workflows/${workflowId}/trigger`,
      { data: { attributes: { fields } } },
      {
        prefer: 'wait=0',
      },
    );
    expect(at0.statusCode, at0.body).toBe(201);
    expect(at0.headers['preference-applied']).toBe('wait=0');
  });

  it('creates the case from the payload, waits for the decision, and records an approval', async () => {
    const started = await triggerRun(t, workflowId, {
      'inquiry-id': 'inq_5cNxZX3vMy7ACoqYbHQBbNyA',
      'report-id': 'rep_Q2FzZXdvcmsgaXMgZ3JlYXQh',
      amount: 25_000,
      country: 'DE',
    });
    expect(started.id).toMatch(/^wfr_/);
    expect(started.attributes['temporal-ui-url']).toMatch(
      new RegExp(`/namespaces/default/workflows/${started.id}/[0-9a-f-]{36}/history$`),
    );

    const waiting = await runReaches(t, started.id, ['waiting'], { nodeId: 'wait-resolved', stepStatus: 'waiting' });
    expect(stepOf(waiting, 'check-amount').output).toEqual({ route: 'high-value' });
    const [caseId] = waiting.attributes['case-ids'];
    const kase = await getCase(String(caseId));
    expect(kase.attributes.status).toBe('open');
    expect(fieldValues(kase)).toEqual({
      amount: 25_000,
      country: 'DE',
      risk: 'high',
      'review-started': true,
      notes: [`Review of ${kase.attributes.name} started`],
      decision: null,
    });
    expect(kase.relationships.inquiries?.data).toEqual([{ type: 'inquiry', id: 'inq_5cNxZX3vMy7ACoqYbHQBbNyA' }]);
    expect(kase.relationships.reports?.data).toEqual([{ type: 'report', id: 'rep_Q2FzZXdvcmsgaXMgZ3JlYXQh' }]);
    expect(kase.relationships['workflow-runs']?.data).toEqual([{ type: 'workflow-run', id: started.id }]);
    const slaMs =
      Date.parse(String(kase.attributes['sla-expires-at'])) - Date.parse(kase.attributes['created-at'] as string);
    expect(slaMs).toBe(2 * 3600 * 1000);
    expect(kase.attributes['creator-type']).toBe('workflow-run');

    expect((await caseAction(t, String(caseId), 'set-status', { status: 'approved' })).statusCode).toBe(200);
    const done = await runReaches(t, started.id, ['completed']);
    expect(stepOf(done, 'wait-resolved').status).toBe('completed');
    expect(stepOf(done, 'check-status').output).toEqual({ route: 'approved' });
    expect(stepOf(done, 'record-approval').status).toBe('completed');
    expect(stepOf(done, 'record-decline').status).toBe('skipped');
    expect(stepOf(done, 'escalate').status).toBe('skipped');
    expect(fieldValues(await getCase(String(caseId))).decision).toBe('approved');

    // Each step changed the case once: one creation, one objects-added by the attach step, one resolve.
    const names = await caseEvents(t, String(caseId));
    expect(names.filter((name) => name === 'case.created')).toHaveLength(1);
    expect(names.filter((name) => name === 'case.resolved')).toHaveLength(1);
    expect(names.filter((name) => name === 'case.fields-updated')).toHaveLength(2);

    // On-call engineers find every run that touched the case in Temporal UI by its id.
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const execution of temporal.client.workflow.list({ query: `CaseworkCaseIds = '${caseId}'` })) {
          ids.push(execution.workflowId);
        }
        return ids.length > 0 ? ids : undefined;
      },
      { what: `Temporal visibility to list the run by CaseworkCaseIds = '${caseId}'` },
    );
    expect(found).toEqual([started.id]);
    const runEvents = await api(t, 'GET', '/events?filter[name]=workflow-run.completed');
    expect((runEvents.json() as { data: { attributes: Record<string, unknown> }[] }).data).toContainEqual(
      expect.objectContaining({
        attributes: expect.objectContaining({ 'workflow-run-id': started.id, 'case-id': null }),
      }),
    );
    const byCase = await api(t, 'GET', `/workflow-runs?filter[case-id]=${caseId}`);
    expect((byCase.json() as { data: { id: string }[] }).data.map((run) => run.id)).toEqual([started.id]);
  });

  it('takes the decline branch when the reviewer declines', async () => {
    const started = await triggerRun(t, workflowId, {
      'inquiry-id': 'inq_Decline0000000000000001',
      'report-id': 'rep_Decline0000000000000001',
      amount: 12_000,
    });
    const waiting = await runReaches(t, started.id, ['waiting'], { nodeId: 'wait-resolved', stepStatus: 'waiting' });
    const caseId = String(waiting.attributes['case-ids'][0]);
    expect((await caseAction(t, caseId, 'set-status', { status: 'declined' })).statusCode).toBe(200);
    const done = await runReaches(t, started.id, ['completed']);
    expect(stepOf(done, 'record-decline').status).toBe('completed');
    expect(stepOf(done, 'record-approval').status).toBe('skipped');
    expect(fieldValues(await getCase(caseId)).decision).toBe('declined');
  });

  it('ends at once without a case when the amount is low', async () => {
    const started = await triggerRun(t, workflowId, {
      'inquiry-id': 'inq_Low00000000000000000001',
      'report-id': 'rep_Low00000000000000000001',
      amount: 50,
    });
    const done = await runReaches(t, started.id, ['completed']);
    expect(stepOf(done, 'check-amount').output).toEqual({ route: 'else' });
    expect(stepOf(done, 'create-case').status).toBe('skipped');
    expect(done.attributes['case-ids']).toEqual([]);
  });

  it('rejects a payload that does not match the trigger schema, starting nothing', async () => {
    const before = await t.db.collection('workflow_runs').countDocuments();
    const response = await api(t, 'POST', `/workflows/${workflowId}/trigger`, {
      data: { attributes: { fields: { 'inquiry-id': 42, colour: 'red' } } },
    });
    expect(response.statusCode).toBe(422);
    const pointers = (response.json() as { errors: { source?: { pointer?: string } }[] }).errors.map(
      (error) => error.source?.pointer,
    );
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/data/attributes/fields/inquiry-id',
        '/data/attributes/fields/colour',
        '/data/attributes/fields/amount',
        '/data/attributes/fields/report-id',
      ]),
    );
    expect(await t.db.collection('workflow_runs').countDocuments()).toBe(before);
  });

  it('cancels a waiting run', async () => {
    const started = await triggerRun(t, workflowId, {
      'inquiry-id': 'inq_Cancel000000000000000001',
      'report-id': 'rep_Cancel000000000000000001',
      amount: 20_000,
    });
    await runReaches(t, started.id, ['waiting'], { nodeId: 'wait-resolved', stepStatus: 'waiting' });
    const canceled = await api(t, 'POST', `/workflow-runs/${started.id}/cancel`);
    expect(canceled.statusCode, canceled.body).toBe(200);
    const run = await runReaches(t, started.id, ['canceled']);
    expect(stepOf(run, 'wait-resolved').status).toBe('errored');
    expect(stepOf(run, 'record-approval').status).toBe('skipped');
    const again = await api(t, 'POST', `/workflow-runs/${started.id}/cancel`);
    expect(again.statusCode).toBe(409);
  });
});
