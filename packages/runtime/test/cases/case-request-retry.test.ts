import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCollectionNames, type StoredCaseDocument } from '../../src/cases/case-collections.ts';
import { collectionNames, type IdempotencyRecordDocument } from '../../src/platform/db/platform-collections.ts';
import { caseEvents, createCase, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { publishWorkflow } from '../helpers/workflow-fixtures.ts';

// An api SIGKILLed after a keyed request's write but before it stored the answer leaves the key's claim in flight;
// once the claim is stale a retry with the same key takes it over and runs the request again (bench/chaos.ts).
describe('a keyed request retried after the api died before answering', () => {
  let t: TestApp;
  const cases = () => t.db.collection<StoredCaseDocument>(caseCollectionNames.cases);
  const records = () => t.db.collection<IdempotencyRecordDocument>(collectionNames.idempotencyRecords);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const post = (url: string, key: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: { ...t.auth, 'idempotency-key': key }, payload });

  /** What the crash leaves: the key's record back in flight, last touched two minutes ago, no answer stored. */
  async function forgetAnswer(key: string) {
    const record = await records().findOne({ key });
    expect(record?.state).toBe('completed');
    const lockedAt = new Date(Date.now() - 2 * 60_000);
    await records().deleteOne({ key });
    await records().insertOne({
      _id: String(record?._id),
      apiKeyId: String(record?.apiKeyId),
      key,
      fingerprint: String(record?.fingerprint),
      token: 'the-killed-api',
      createdAt: lockedAt,
      state: 'in-flight',
      lockedAt,
    });
  }

  it('creates the case once and answers with it', async () => {
    const template = await createTemplate(t);
    const key = `create-${template.id}`;
    const body = { data: { attributes: { 'case-template-id': template.id, fields: { amount: 5 } } } };
    const first = await post('/api/v1/cases', key, body);
    expect(first.statusCode, first.body).toBe(201);
    await forgetAnswer(key);

    const retry = await post('/api/v1/cases', key, body);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().data.id).toBe(first.json().data.id);
    expect(await cases().countDocuments({ templateId: template.id })).toBe(1);
    expect(await caseEvents(t, first.json().data.id)).toEqual(['case.created']);
  });

  it('records the comment once and answers with its id', async () => {
    const template = await createTemplate(t);
    const kase = await createCase(t, template.id);
    const key = `comment-${kase.id}`;
    const body = { data: { attributes: { body: 'looked at it' } } };
    const first = await post(`/api/v1/cases/${kase.id}/comments`, key, body);
    expect(first.statusCode, first.body).toBe(201);
    await forgetAnswer(key);

    const retry = await post(`/api/v1/cases/${kase.id}/comments`, key, body);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().meta['comment-id']).toBe(first.json().meta['comment-id']);
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.commented']);

    // Another key is another comment.
    expect((await post(`/api/v1/cases/${kase.id}/comments`, `${key}-2`, body)).statusCode).toBe(201);
    expect(await caseEvents(t, kase.id)).toEqual(['case.created', 'case.commented', 'case.commented']);
  });

  /** A workflow that only ends, published; resolves its trigger URL. */
  async function endOnlyWorkflow(name: string) {
    const node = (id: string, kind: string, params: object, x: number) => ({
      id,
      kind,
      version: 1,
      position: { x, y: 0 },
      params,
    });
    const { workflowId } = await publishWorkflow(t, {
      name,
      graph: {
        nodes: [node('trigger', 'trigger.api', { fields: [] }, 0), node('done', 'end', {}, 200)],
        edges: [{ id: 'e0', source: 'trigger', target: 'done' }],
      },
    });
    return { workflowId, url: `/api/v1/workflows/${workflowId}/trigger` };
  }

  /** Retries the keyed trigger: the same run, one run of the workflow, one `workflow-run.created`. */
  async function expectSameRun(workflow: { workflowId: string; url: string }, key: string, runId: string) {
    const retry = await post(workflow.url, key, { data: { attributes: { fields: {} } } });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().data.id).toBe(runId);
    expect(await t.db.collection('workflow_runs').countDocuments({ workflowId: workflow.workflowId })).toBe(1);
    expect(await t.db.collection('events').countDocuments({ runId, name: 'workflow-run.created' })).toBe(1);
  }

  it('starts the run once and records that it was created', async () => {
    const workflow = await endOnlyWorkflow('Retried trigger');
    const key = `trigger-${workflow.workflowId}`;
    const first = await post(workflow.url, key, { data: { attributes: { fields: {} } } });
    expect(first.statusCode, first.body).toBe(201);
    const runId = first.json().data.id as string;
    // The first try died right after starting the run, before recording it; the run has moved on since.
    await t.db.collection('events').deleteMany({ runId });
    await t.db.collection('workflow_runs').updateOne({ _id: runId as never }, { $set: { seq: 1 } });
    await forgetAnswer(key);
    await expectSameRun(workflow, key, runId);
  });

  // Before cases and run events kept the key that made them (`dedupeKey`), a key's first effect was claimed in the
  // claims collection. Data from then: the record without its key, the claim naming it.
  async function asBeforeKeys(collection: string, id: string, dedupeKey: string) {
    await t.db.collection(collection).updateOne({ _id: id as never }, { $unset: { dedupeKey: '' } });
    await t.db
      .collection(collectionNames.claims)
      .insertOne({ _id: dedupeKey as never, value: id, createdAt: new Date() });
  }

  it('answers a key claimed before cases kept their keys with its case', async () => {
    const template = await createTemplate(t);
    const key = `legacy-create-${template.id}`;
    const body = { data: { attributes: { 'case-template-id': template.id, fields: { amount: 5 } } } };
    const first = await post('/api/v1/cases', key, body);
    expect(first.statusCode, first.body).toBe(201);
    const caseId = first.json().data.id as string;
    const stored = await cases().findOne({ _id: caseId });
    expect(stored?.dedupeKey).toMatch(new RegExp(`^case-create:.+:${key}$`));
    await asBeforeKeys(caseCollectionNames.cases, caseId, String(stored?.dedupeKey));
    await forgetAnswer(key);

    const retry = await post('/api/v1/cases', key, body);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().data.id).toBe(caseId);
    expect(await cases().countDocuments({ templateId: template.id })).toBe(1);
  });

  it("records a run's creation once when its event was claimed before events kept their keys", async () => {
    const workflow = await endOnlyWorkflow('Retried legacy trigger');
    const key = `legacy-trigger-${workflow.workflowId}`;
    const first = await post(workflow.url, key, { data: { attributes: { fields: {} } } });
    expect(first.statusCode, first.body).toBe(201);
    const runId = first.json().data.id as string;
    const created = await t.db.collection<{ _id: string }>('events').findOne({ runId, name: 'workflow-run.created' });
    await asBeforeKeys('events', String(created?._id), `run-event:${runId}:workflow-run.created`);
    await forgetAnswer(key);
    await expectSameRun(workflow, key, runId);
  });
});
