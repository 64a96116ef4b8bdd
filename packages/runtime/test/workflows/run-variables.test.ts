import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { createDomains, workerActivities } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle } from '../../src/temporal/client.ts';
import { caseEvents, createCase, type CaseBody } from '../helpers/case-fixtures.ts';
import { useWorkerApp } from '../helpers/in-process-worker.ts';
import type { TestApp } from '../helpers/test-app.ts';
import {
  api,
  chainGraph as chain,
  graphNode as node,
  publishWorkflow,
  runReaches,
  stepOf,
  triggerRun,
} from '../helpers/workflow-fixtures.ts';

const readCase = async (t: TestApp, id: string) =>
  ((await api(t, 'GET', `/cases/${id}`)).json() as { data: CaseBody }).data;

describe('run variables, case.fetch and case.redact', () => {
  const app = useWorkerApp();

  const variables = [
    { name: 'count', type: 'number', default: 1 },
    { name: 'seen', type: 'string-array', default: [] },
    { name: 'note', type: 'string' },
  ];
  const trigger = () =>
    node(
      'trigger',
      'trigger.api',
      {
        fields: [
          { key: 'country', type: 'string', required: true },
          { key: 'text', type: 'string', required: false },
        ],
      },
      0,
    );

  it('sets, pushes, removes and unsets variables, read as vars.x in a condition and in a case field', async () => {
    const graph = chain([
      trigger(),
      node(
        'vars',
        'data.set-variables',
        {
          operations: [
            { variable: 'count', op: 'set', value: '{{ vars.count + 41 }}' },
            { variable: 'seen', op: 'push', value: '{{ trigger.country }}' },
            { variable: 'seen', op: 'append', value: ['FR', 'US'] },
            { variable: 'seen', op: 'remove', value: 'US' },
            { variable: 'note', op: 'set', value: 'checked' },
            { variable: 'note', op: 'append', value: '-{{ trigger.country }}' },
          ],
        },
        200,
      ),
      node(
        'check',
        'logic.condition',
        { routes: [{ id: 'many', when: '{{ vars.count > 40 and $count(vars.seen) = 2 }}' }] },
        400,
      ),
      node(
        'create',
        'case.create',
        {
          'case-template-id': app.templateId,
          fields: { amount: '{{ vars.count }}', notes: '{{ vars.note }}', flags: '{{ vars.seen }}' },
        },
        600,
      ),
      node('forget', 'data.set-variables', { operations: [{ variable: 'note', op: 'unset' }] }, 800),
      node('done', 'end', {}, 1000),
    ]);
    graph.edges = graph.edges.map((edge) => (edge.source === 'check' ? { ...edge, sourceHandle: 'many' } : edge));
    graph.edges.push({ id: 'else', source: 'check', sourceHandle: 'else', target: 'done' });
    const { workflowId } = await publishWorkflow(app.t, { name: 'Variables', graph: { ...graph, variables } });

    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { country: 'DE' })).id, ['completed']);
    expect(stepOf(run, 'check').output).toEqual({ route: 'many' });
    expect(stepOf(run, 'vars').output).toEqual({ variables: { count: 42, seen: ['DE', 'FR'], note: 'checked-DE' } });
    expect(stepOf(run, 'forget').output).toEqual({ variables: { count: 42, seen: ['DE', 'FR'] } });
    const kase = await readCase(app.t, String(run.attributes['case-ids'][0]));
    expect(kase.attributes.fields.amount?.value).toBe(42);
    expect(kase.attributes.fields.notes?.value).toBe('checked-DE');
    expect(kase.attributes.fields.flags?.value).toEqual(['DE', 'FR']);
  });

  it('refuses to publish a graph that pushes onto a number or reads an undeclared variable (422 naming the node)', async () => {
    const graph = chain([
      trigger(),
      node('vars', 'data.set-variables', { operations: [{ variable: 'count', op: 'push', value: 1 }] }, 200),
      node(
        'create',
        'case.create',
        { 'case-template-id': app.templateId, fields: { amount: '{{ vars.total }}' } },
        400,
      ),
    ]);
    const created = await api(app.t, 'POST', '/workflows', {
      data: { attributes: { name: 'Bad variables', graph: { ...graph, variables } } },
    });
    const workflowId = (created.json() as { data: { id: string } }).data.id;
    const published = await api(app.t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'x' } });
    expect(published.statusCode).toBe(422);
    expect(published.body).toContain('variable-type-mismatch');
    expect(published.body).toContain('vars.total: the workflow declares no variable');
  });

  it('fails the step with a clear message on a value of the wrong type, or a variable over its size limit', async () => {
    const { workflowId } = await publishWorkflow(app.t, {
      name: 'Variables gone wrong',
      graph: {
        ...chain([
          trigger(),
          node(
            'vars',
            'data.set-variables',
            {
              operations: [
                { variable: 'note', op: 'set', value: '{{ trigger.text }}' },
                { variable: 'note', op: 'append', value: '{{ trigger.text }}' },
                { variable: 'count', op: 'set', value: '{{ trigger.country }}' },
              ],
            },
            200,
          ),
          node('done', 'end', {}, 400),
        ]),
        variables,
      },
    });
    const typed = await runReaches(app.t, (await triggerRun(app.t, workflowId, { country: 'DE', text: 'x' })).id, [
      'errored',
    ]);
    expect(stepOf(typed, 'vars')).toMatchObject({
      status: 'errored',
      error: 'operation 2: variable "count": the value must be a number',
    });
    const large = await runReaches(
      app.t,
      (await triggerRun(app.t, workflowId, { country: 'DE', text: 'y'.repeat(9_000) })).id,
      ['errored'],
    );
    expect(stepOf(large, 'vars').error).toBe(
      'operation 1: variable "note": it would hold 18002 bytes of JSON; a variable holds at most 16384',
    );
  });

  it('fetches a case created through the API by an id from the trigger, updates it, then redacts it', async () => {
    const kase = await createCase(app.t, app.templateId, {
      attributes: { fields: { amount: 5, notes: 'Jane Doe, 1 Main St' } },
    });
    const { workflowId } = await publishWorkflow(app.t, {
      name: 'Fetch, update, redact',
      graph: chain([
        node('trigger', 'trigger.api', { fields: [{ key: 'caseId', type: 'string', required: true }] }, 0),
        node('fetch', 'case.fetch', { 'case-id': '{{ trigger.caseId }}' }, 200),
        node(
          'update',
          'case.update-fields',
          {
            case: { node: 'fetch' },
            operations: [{ field: 'amount', op: 'set', value: '{{ steps.fetch.case.fields.amount * 2 }}' }],
          },
          400,
        ),
        node('check', 'case.set-status', { case: { node: 'update' }, status: 'in-review' }, 600),
        node('redact', 'case.redact', { case: { node: 'fetch' } }, 800),
        node('done', 'end', {}, 1000),
      ]),
    });

    const run = await runReaches(app.t, (await triggerRun(app.t, workflowId, { caseId: kase.id })).id, ['completed']);
    expect(stepOf(run, 'fetch').output).toMatchObject({ case: { id: kase.id, fields: { amount: 5 } } });
    expect(stepOf(run, 'update').output).toMatchObject({ case: { fields: { amount: 10 } } });
    expect(run.attributes['case-ids']).toEqual([kase.id]);
    const redacted = await readCase(app.t, kase.id);
    expect(Object.values(redacted.attributes.fields).map((field) => field.value)).toEqual(
      Object.values(redacted.attributes.fields).map(() => null),
    );
    expect(redacted.attributes.fields.notes).toEqual({ type: 'string', value: null });
    expect(redacted.attributes['redacted-at']).toEqual(expect.any(String));
    expect(redacted.attributes.status).toBe('in-review');
    const events = (await api(app.t, 'GET', `/cases/${kase.id}/events?page[size]=100`)).json() as {
      data: { attributes: { name: string; 'actor-id': string | null } }[];
    };
    expect(
      events.data.filter((event) => event.attributes.name === 'case.redacted').map((e) => e.attributes['actor-id']),
    ).toEqual([run.id]);

    const missing = await runReaches(
      app.t,
      (await triggerRun(app.t, workflowId, { caseId: 'case_nosuchcase000000000000' })).id,
      ['errored'],
    );
    expect(stepOf(missing, 'fetch')).toMatchObject({
      status: 'errored',
      attempts: 1,
      error: 'No case with id case_nosuchcase000000000000.',
    });
  });

  it('redacts once per step: a retried attempt (its result lost) completes on the case it redacted', async () => {
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
      const step = {
        runId: 'wfr_redactretry000000000001',
        nodeId: 'redact',
        kind: 'case.redact' as const,
        params: {},
        caseId: kase.id,
      };
      const attempt = (number: number) =>
        new MockActivityEnvironment({
          attempt: number,
          startToCloseTimeoutMs: 60_000,
          currentAttemptScheduledTimestampMs: Date.now(),
        }).run(runCaseStep, step) as ReturnType<typeof runCaseStep>;

      expect((await attempt(1)).case.id).toBe(kase.id);
      expect((await attempt(2)).case.id).toBe(kase.id);
      expect((await readCase(app.t, kase.id)).attributes['redacted-at']).toEqual(expect.any(String));
      expect(await caseEvents(app.t, kase.id)).toEqual(['case.created', 'case.redacted']);
    } finally {
      await temporal.connection.close();
    }
  });
});
