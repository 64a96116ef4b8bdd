import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAction, uniqueKey } from '../helpers/case-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { api, publishWorkflow, runReaches, stepOf, triggerRun } from '../helpers/workflow-fixtures.ts';

// An integration written against Persona: its default statuses as display names, webhook payloads in camelCase.
const personaTemplate = () => ({
  name: 'Inquiry review',
  key: uniqueKey('INQ'),
  statuses: [
    { name: 'Open', type: 'initial' },
    { name: 'Pending Review', type: 'intermediate' },
    { name: 'Approved', type: 'end' },
    { name: 'Declined', type: 'end' },
  ],
  'field-schemas': [
    { key: 'userId', type: 'string', required: true },
    { key: 'inquiry_id', type: 'string' },
    { key: 'decision', type: 'string' },
  ],
});

const node = (id: string, kind: string, params: Record<string, unknown>) => ({
  id,
  kind,
  version: 1,
  position: { x: 0, y: 0 },
  params,
});

describe("Persona's status names and camelCase keys", () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
    const created = await api(t, 'POST', '/case-templates', { data: { attributes: personaTemplate() } });
    expect(created.statusCode, created.body).toBe(201);
    templateId = (created.json() as { data: { id: string } }).data.id;
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
  });

  it('refuses two statuses that differ only in case, pointing at the second', async () => {
    const template = personaTemplate();
    template.statuses.push({ name: 'approved', type: 'end' });
    const response = await api(t, 'POST', '/case-templates', { data: { attributes: template } });
    const [error] = expectApiError(response, 422);
    expect(error?.source?.pointer).toBe('/data/attributes/statuses/4/name');
  });

  it('compares status names exactly in actions and filters', async () => {
    const created = await api(t, 'POST', '/cases', {
      data: { attributes: { 'case-template-id': templateId, fields: { userId: 'usr_1' } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, attributes } = (created.json() as { data: { id: string; attributes: { status: string } } }).data;
    expect(attributes.status).toBe('Open');

    expectApiError(await caseAction(t, id, 'set-status', { status: 'pending review' }), 422);
    const pending = await caseAction(t, id, 'set-status', { status: 'Pending Review' });
    expect(pending.statusCode, pending.body).toBe(200);
    const listed = await api(t, 'GET', `/cases?filter[status]=${encodeURIComponent('Pending Review')}`);
    expect((listed.json() as { data: { id: string }[] }).data.map((c) => c.id)).toContain(id);

    const approved = await caseAction(t, id, 'set-status', { status: 'Approved' });
    expect(approved.json().data.attributes).toMatchObject({ status: 'Approved', 'resolved-at': expect.any(String) });
  });

  it('runs a workflow triggered with camelCase keys that waits for "Approved"', async () => {
    const graph = {
      nodes: [
        node('trigger', 'trigger.api', {
          fields: [
            { key: 'userId', type: 'string', required: true },
            { key: 'inquiryId', type: 'string', required: true },
          ],
        }),
        node('create', 'case.create', {
          'case-template-id': templateId,
          fields: { userId: '{{ trigger.userId }}', inquiry_id: '{{ trigger.inquiryId }}' },
        }),
        node('wait', 'wait.case', {
          case: { node: 'create' },
          events: ['case.resolved'],
          timeout: { amount: 1, unit: 'days' },
        }),
        node('check', 'logic.condition', {
          routes: [{ id: 'approved', label: 'Approved', when: "{{ steps.wait.case.status = 'Approved' }}" }],
        }),
        node('record', 'case.update-fields', {
          case: { node: 'wait' },
          operations: [{ field: 'decision', op: 'set', value: 'approved by {{ trigger.userId }}' }],
        }),
        node('done', 'end', {}),
      ],
      edges: [
        { id: 'e1', source: 'trigger', target: 'create' },
        { id: 'e2', source: 'create', target: 'wait' },
        { id: 'e3', source: 'wait', sourceHandle: 'matched', target: 'check' },
        { id: 'e4', source: 'wait', sourceHandle: 'timed-out', target: 'done' },
        { id: 'e5', source: 'check', sourceHandle: 'approved', target: 'record' },
        { id: 'e6', source: 'check', sourceHandle: 'else', target: 'done' },
        { id: 'e7', source: 'record', target: 'done' },
      ],
    };
    const { workflowId } = await publishWorkflow(t, { name: 'Persona-style review', graph });
    const run = await triggerRun(t, workflowId, { userId: 'usr_42', inquiryId: 'inq_7' });
    const waiting = await runReaches(t, run.id, ['waiting'], { nodeId: 'wait', stepStatus: 'waiting' });
    const [caseId] = waiting.attributes['case-ids'];
    const kase = await api(t, 'GET', `/cases/${caseId}`);
    expect(kase.json().data.attributes.fields).toMatchObject({
      userId: { value: 'usr_42' },
      inquiry_id: { value: 'inq_7' },
    });

    expect((await caseAction(t, caseId ?? '', 'set-status', { status: 'Approved' })).statusCode).toBe(200);
    const done = await runReaches(t, run.id, ['completed']);
    expect(stepOf(done, 'record').status).toBe('completed');
    const after = await api(t, 'GET', `/cases/${caseId}`);
    expect(after.json().data.attributes.fields.decision.value).toBe('approved by usr_42');
  });
});
