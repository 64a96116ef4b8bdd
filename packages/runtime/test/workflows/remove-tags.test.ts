import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle } from '../../src/temporal/client.ts';
import { caseAction, caseEvents, createCase, type CaseBody } from '../helpers/case-fixtures.ts';
import { useWorkerApp } from '../helpers/in-process-worker.ts';
import {
  api,
  chainGraph as chain,
  graphNode as node,
  publishWorkflow,
  runReaches,
  stepOf,
  triggerRun,
} from '../helpers/workflow-fixtures.ts';

interface EventBody {
  attributes: {
    name: string;
    'actor-id': string | null;
    'actor-type': string | null;
    payload: Record<string, unknown>;
  };
}

describe('case.remove-tags', () => {
  const app = useWorkerApp();

  it('removes the tags a step names from the case of an upstream step, recording one case.updated', async () => {
    const { workflowId } = await publishWorkflow(app.t, {
      name: 'Tag, then untag',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [{ key: 'cleared', type: 'string', required: true }] }, 0),
        node('create', 'case.create', { 'case-template-id': app.templateId, fields: { amount: 100 } }, 200),
        node('tag', 'case.add-tags', { case: { node: 'create' }, tags: ['vip', 'fraud-check', 'kyc'] }, 400),
        node('untag', 'case.remove-tags', { case: { node: 'tag' }, tags: ['{{ trigger.cleared }}', 'never-set'] }, 600),
        node('done', 'end', {}, 800),
      ]),
    });

    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { cleared: 'fraud-check' })).id, [
      'completed',
    ]);
    expect(stepOf(run, 'untag')).toMatchObject({ status: 'completed', attempts: 1 });
    const caseId = String(run.attributes['case-ids'][0]);
    const kase = ((await api(app.t, 'GET', `/cases/${caseId}`)).json() as { data: CaseBody }).data;
    expect(kase.attributes.tags).toEqual(['vip', 'kyc']);

    const events = (
      (await api(app.t, 'GET', `/cases/${caseId}/events?page[size]=100`)).json() as { data: EventBody[] }
    ).data.reverse();
    const tagChanges = events.filter((event) => event.attributes.name === 'case.updated');
    expect(tagChanges.map((event) => event.attributes.payload)).toEqual([
      { tags: { from: [], to: ['vip', 'fraud-check', 'kyc'] } },
      { tags: { from: ['vip', 'fraud-check', 'kyc'], to: ['vip', 'kyc'] } },
    ]);
    expect(tagChanges.at(-1)?.attributes).toMatchObject({ 'actor-type': 'workflow-run', 'actor-id': run.id });
  });

  it('completes without an event when the case has none of the tags', async () => {
    const { workflowId } = await publishWorkflow(app.t, {
      name: 'Untag nothing',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [] }, 0),
        node('create', 'case.create', { 'case-template-id': app.templateId, fields: { amount: 100 } }, 200),
        node('untag', 'case.remove-tags', { case: { node: 'create' }, tags: ['absent'] }, 400),
        node('done', 'end', {}, 600),
      ]),
    });
    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, {})).id, ['completed']);
    expect(stepOf(run, 'untag').status).toBe('completed');
    const caseId = String(run.attributes['case-ids'][0]);
    const events = ((await api(app.t, 'GET', `/cases/${caseId}/events`)).json() as { data: EventBody[] }).data;
    expect(events.map((event) => event.attributes.name)).toEqual(['case.created']);
  });
  it('removes once per step: a retried attempt (its result lost) leaves a tag added back meanwhile', async () => {
    const temporal = createTemporalHandle({
      address: app.t.env.TEMPORAL_ADDRESS,
      namespace: app.t.env.TEMPORAL_NAMESPACE,
      taskQueue: app.t.env.TEMPORAL_TASK_QUEUE,
    });
    try {
      const domains = createDomains({ db: app.t.db, clock: systemClock, log: { warn: () => {} }, temporal });
      const runCaseStep = workerActivities(domains, { db: app.t.db, clock: systemClock }).runCaseStep;
      if (!runCaseStep) throw new Error('the worker has no case step activity');
      const kase = await createCase(app.t, app.templateId);
      for (const tag of ['vip', 'kyc']) await caseAction(app.t, kase.id, 'add-tag', { 'tag-name': tag });
      const step = {
        runId: 'wfr_removetagsretry00000001',
        nodeId: 'untag',
        kind: 'case.remove-tags' as const,
        params: { tags: ['vip'] },
        caseId: kase.id,
      };
      const attempt = (number: number) =>
        new MockActivityEnvironment({
          attempt: number,
          startToCloseTimeoutMs: 60_000,
          currentAttemptScheduledTimestampMs: Date.now(),
        }).run(runCaseStep, step) as ReturnType<typeof runCaseStep>;

      expect((await attempt(1)).case.tags).toEqual(['kyc']);
      await caseAction(app.t, kase.id, 'add-tag', { 'tag-name': 'vip' });
      expect((await attempt(2)).case.tags).toEqual(['kyc', 'vip']);
      expect(await caseEvents(app.t, kase.id)).toEqual([
        'case.created',
        'case.updated',
        'case.updated',
        'case.updated',
        'case.updated',
      ]);
    } finally {
      await temporal.connection.close();
    }
  });
});
