import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, createCase, createTemplate, type CaseBody } from '../helpers/case-fixtures.ts';
import { eventually } from '../helpers/eventually.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { api, publishWorkflow, runReaches, stepOf, type RunBody } from '../helpers/workflow-fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const node = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  label: id,
  position: { x, y: 0 },
  params,
});

/** An escalation workflow started by `case.sla-expired` when the breached case is worth at least 1,000. */
const escalation = {
  name: 'Escalate breached cases',
  graph: {
    nodes: [
      node(
        'breached',
        'trigger.event',
        { event: 'case.sla-expired', criteria: '{{ trigger.case.fields.amount >= 1000 }}' },
        0,
      ),
      node('tag', 'case.add-tags', { case: { node: 'breached' }, tags: ['escalated'] }, 200),
      node(
        'comment',
        'case.add-comment',
        { case: { node: 'tag' }, body: 'SLA breached on {{ trigger.case.name }}' },
        400,
      ),
      node('done', 'end', {}, 600),
    ],
    edges: [
      { id: 'e1', source: 'breached', target: 'tag' },
      { id: 'e2', source: 'tag', target: 'comment' },
      { id: 'e3', source: 'comment', target: 'done' },
    ],
  },
};

describe('event-triggered workflows', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let workflowId: string;

  const runsOf = async (caseId: string) => {
    const response = await api(t, 'GET', `/workflow-runs?filter[workflow-id]=${workflowId}&filter[case-id]=${caseId}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { data: RunBody[] }).data;
  };
  const getCase = async (id: string) => ((await api(t, 'GET', `/cases/${id}`)).json() as { data: CaseBody }).data;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
    ({ workflowId } = await publishWorkflow(t, escalation));
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it('starts one run per breach whose criteria hold, also when the events are published again', async () => {
    const template = await createTemplate(t);
    const big = await createCase(t, template.id, {
      attributes: { fields: { amount: 5_000 } },
      meta: { 'sla-expires-in-seconds': 2 },
    });
    const small = await createCase(t, template.id, {
      attributes: { fields: { amount: 10 } },
      meta: { 'sla-expires-in-seconds': 2 },
    });

    const [run] = await eventually(
      async () => {
        const runs = await runsOf(big.id);
        return runs.length > 0 ? runs : undefined;
      },
      { what: `a run of the escalation workflow for ${big.id}` },
    );
    const done = await runReaches(t, String(run?.id), ['completed']);
    expect(done.attributes['trigger-kind']).toBe('event');
    expect(stepOf(done, 'breached').output).toMatchObject({
      event: { name: 'case.sla-expired' },
      case: { id: big.id },
    });
    const kase = await getCase(big.id);
    expect(kase.attributes.tags).toEqual(['escalated']);
    expect(await caseEvents(t, big.id)).toContain('case.commented');

    // The small case breached too, but the criteria do not hold for it.
    await eventually(async () => ((await getCase(small.id)).attributes['sla-expired-at'] ? true : undefined), {
      what: `${small.id} to breach`,
    });

    // The publishing of the breach is repeated (as after a crash between the write and its publishing: the events
    // are back in the case's outbox), and the case's next write publishes them again: still one run.
    const recorded = await t.db.collection('events').find({ caseId: big.id }).toArray();
    expect(recorded.map((event) => event['name'])).toContain('case.sla-expired');
    await t.db.collection('cases').updateOne({ _id: big.id as never }, { $set: { outbox: recorded, dirty: true } });
    const tagged = await api(t, 'POST', `/cases/${big.id}/add-tag`, { meta: { 'tag-name': 'checked' } });
    expect(tagged.statusCode, tagged.body).toBe(200);
    // The publishing really ran: the outbox is empty again (cleared a moment after publishing, CLEAR_DELAY_MS).
    await expect
      .poll(() => t.db.collection('cases').findOne({ _id: big.id as never }), { timeout: 5_000 })
      .toMatchObject({ outbox: [], dirty: false });
    await sleep(2_000);
    expect((await runsOf(big.id)).map((found) => found.id)).toEqual([done.id]);
    expect((await caseEvents(t, big.id)).filter((name) => name === 'case.commented')).toHaveLength(1);
    expect(await runsOf(small.id)).toEqual([]);
  });

  it('refuses to trigger an event-triggered workflow over HTTP', async () => {
    const response = await api(t, 'POST', `/workflows/${workflowId}/trigger`, { data: { attributes: { fields: {} } } });
    expect(response.statusCode).toBe(409);
  });
});
