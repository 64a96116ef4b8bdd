import type { WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edge, node, reviewWorkflow } from '../../../shared/test/graph/fixtures.ts';
import { createWorkflowRepository } from '../../src/workflows/workflow-repository.ts';
import { createWorkflowServiceOn } from '../../src/workflows/workflow-service.ts';
import { MAX_DRAFT_BYTES } from '../../src/workflows/workflow-rules.ts';
import { createQueue, createTemplate } from '../helpers/case-fixtures.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The fields the shared review-workflow fixture reads and writes. */
const reviewFieldSchemas = [
  { key: 'amount', type: 'number', required: true },
  { key: 'country', type: 'choice', required: false, config: { choices: ['DE', 'FR', 'US'] } },
  { key: 'risk', type: 'choice', required: false, config: { choices: ['low', 'high'] } },
  { key: 'review-started', type: 'boolean', required: false },
  { key: 'notes', type: 'string-array', required: false },
  { key: 'decision', type: 'choice', required: false, config: { choices: ['approved', 'declined'] } },
];

/** `resourceSchema` leaves relationships untyped: read the one a workflow has. */
const liveVersionOf = (workflow: WorkflowResource) =>
  (workflow.relationships as { 'live-version': { data: unknown } })['live-version'].data;

interface ListBody<T> {
  data: T[];
  links: { prev: string | null; next: string | null };
}

describe('workflows', () => {
  let t: TestApp;
  /** Persona's canonical review workflow (the shared compiler fixture) on this test's template and queue. */
  let validGraph: () => Record<string, unknown>;

  beforeEach(async () => {
    t = await createTestApp();
    const template = await createTemplate(t, { 'field-schemas': reviewFieldSchemas });
    const queue = await createQueue(t, 'Review');
    const text = JSON.stringify(reviewWorkflow())
      .replaceAll('ctmpl_kyc', template.id)
      .replaceAll('cqueue_review', queue.id);
    validGraph = () => JSON.parse(text) as Record<string, unknown>;
  });
  afterEach(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers = {}) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...t.auth, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const ok = async <T>(status: number, response: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(status);
    return (answer.json() as { data: T }).data;
  };
  const create = (attributes: Record<string, unknown> = {}) =>
    ok<WorkflowResource>(
      201,
      api('POST', '/workflows', { data: { attributes: { name: 'KYC review', ...attributes } } }),
    );
  const saveDraft = (id: string, graph: unknown, meta?: object) =>
    api('PUT', `/workflows/${id}/draft`, { data: { attributes: { graph } }, ...(meta ? { meta } : {}) });
  const publish = (id: string, notes?: string) =>
    api('POST', `/workflows/${id}/publish`, notes === undefined ? undefined : { meta: { notes } });
  const publishOk = (id: string, notes?: string) => ok<WorkflowVersionResource>(201, publish(id, notes));
  const get = (id: string) => ok<WorkflowResource>(200, api('GET', `/workflows/${id}`));
  const list = async <T>(url: string) => {
    const response = await api('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ListBody<T>;
  };

  describe('definitions', () => {
    it('creates a workflow with a lone API trigger as its draft, and retrieves it as created', async () => {
      const created = await create({ description: 'High-value inquiries' });
      expect(created.id).toMatch(/^wfl_[A-Za-z0-9_-]{24}$/);
      expect(created.attributes).toMatchObject({
        name: 'KYC review',
        description: 'High-value inquiries',
        status: 'active',
        graph: { nodes: [{ id: 'trigger', kind: 'trigger.api' }], edges: [] },
        'draft-revision': 1,
        'live-version-id': null,
        'live-version-number': null,
        'creator-id': expect.stringMatching(/^key_/),
        'creator-type': 'api-key',
      });
      expect(created.attributes['draft-issues']).toEqual([
        expect.objectContaining({ code: 'unconnected-handle', severity: 'warning', 'node-id': 'trigger' }),
      ]);
      expect(liveVersionOf(created)).toBeNull();
      expect(await get(created.id)).toEqual(created);
    });

    it('lists newest first with cursor pages, and filters by status', async () => {
      const [first, second, third] = [
        await create({ name: 'one' }),
        await create({ name: 'two' }),
        await create({ name: 'three' }),
      ];
      const page1 = await list<WorkflowResource>('/workflows?page[size]=2');
      expect(page1.data.map((w) => w.id)).toEqual([third?.id, second?.id]);
      expect(page1.links.prev).toBeNull();
      const page2 = await list<WorkflowResource>(page1.links.next?.replace('/api/v1', '') ?? '');
      expect(page2.data.map((w) => w.id)).toEqual([first?.id]);
      expect(page2.links.next).toBeNull();

      await ok(200, api('POST', `/workflows/${second?.id}/archive`));
      expect((await list<WorkflowResource>('/workflows?filter[status]=archived')).data.map((w) => w.id)).toEqual([
        second?.id,
      ]);
      expect((await list<WorkflowResource>('/workflows?filter[status]=active')).data.map((w) => w.id)).toEqual([
        third?.id,
        first?.id,
      ]);
    });

    it('renames without touching the draft', async () => {
      const created = await create();
      const renamed = await ok<WorkflowResource>(
        200,
        api('PATCH', `/workflows/${created.id}`, {
          data: { attributes: { name: 'KYC (high value)', description: null } },
        }),
      );
      expect(renamed.attributes).toMatchObject({ name: 'KYC (high value)', description: null, 'draft-revision': 1 });
      expect((await get(created.id)).attributes.name).toBe('KYC (high value)');
    });

    it('archives idempotently; an archived workflow cannot be published', async () => {
      const created = await create({ graph: validGraph() });
      const archived = await ok<WorkflowResource>(200, api('POST', `/workflows/${created.id}/archive`));
      expect(archived.attributes.status).toBe('archived');
      expect((await ok<WorkflowResource>(200, api('POST', `/workflows/${created.id}/archive`))).attributes.status).toBe(
        'archived',
      );
      const [error] = expectApiError(await publish(created.id), 409);
      expect(error?.details).toMatch(/archived/);
      expect((await list<WorkflowVersionResource>(`/workflows/${created.id}/versions`)).data).toEqual([]);
    });
  });

  describe('drafts', () => {
    it('saves an invalid draft and answers its issues as data', async () => {
      const created = await create();
      const saved = await ok<WorkflowResource>(200, saveDraft(created.id, { nodes: 'not a list' }));
      expect(saved.attributes.graph).toEqual({ nodes: 'not a list' });
      expect(saved.attributes['draft-revision']).toBe(2);
      expect(saved.attributes['draft-issues']).toEqual([
        {
          code: 'invalid-graph',
          severity: 'error',
          'node-id': null,
          'edge-id': null,
          path: '/nodes',
          message: expect.any(String),
        },
        {
          code: 'invalid-graph',
          severity: 'error',
          'node-id': null,
          'edge-id': null,
          path: '/edges',
          message: expect.any(String),
        },
      ]);
      expect(await get(created.id)).toEqual(saved);
    });

    it('keeps keys MongoDB would refuse ($, dots) exactly as sent', async () => {
      const created = await create();
      const graph = { nodes: [], edges: [], $editor: { 'zoom.level': 1.5 } };
      const saved = await ok<WorkflowResource>(200, saveDraft(created.id, graph));
      expect(saved.attributes.graph).toEqual(graph);
      expect((await get(created.id)).attributes.graph).toEqual(graph);
    });

    it('refuses a save based on a stale revision (409) and accepts the current one', async () => {
      const created = await create();
      await ok(200, saveDraft(created.id, validGraph(), { 'base-revision': 1 }));
      const stale = expectApiError(await saveDraft(created.id, { nodes: [], edges: [] }, { 'base-revision': 1 }), 409);
      expect(stale[0]).toMatchObject({ source: { pointer: '/meta/base-revision' } });
      expect(stale[0]?.details).toMatch(/revision 2/);
      expect((await get(created.id)).attributes.graph).toEqual(validGraph());
      const saved = await ok<WorkflowResource>(
        200,
        saveDraft(created.id, { nodes: [], edges: [] }, { 'base-revision': 2 }),
      );
      expect(saved.attributes['draft-revision']).toBe(3);
    });

    it('lets exactly one of 10 concurrent saves from the same base revision win', async () => {
      const created = await create();
      const graphs = Array.from({ length: 10 }, (_, i) => ({ nodes: [], edges: [], attempt: i }));
      const responses = await Promise.all(graphs.map((graph) => saveDraft(created.id, graph, { 'base-revision': 1 })));
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(9);
      const winner = responses.find((response) => response.statusCode === 200)?.json() as { data: WorkflowResource };
      const stored = await get(created.id);
      expect(stored.attributes['draft-revision']).toBe(2);
      expect(stored.attributes.graph).toEqual(winner.data.attributes.graph);
    });

    it('loses none of a rename, a draft save and a publish made at the same time', async () => {
      const created = await create({ graph: validGraph() });
      // Both drafts are valid, so the publish succeeds whichever draft it compiles.
      const edited = validGraph() as { nodes: Record<string, unknown>[]; edges: unknown[] };
      edited.nodes = edited.nodes.map((found, index) => (index === 0 ? { ...found, label: 'Edited' } : found));
      const [renamed, saved, published] = await Promise.all([
        api('PATCH', `/workflows/${created.id}`, { data: { attributes: { name: 'Renamed' } } }),
        saveDraft(created.id, edited),
        publish(created.id),
      ]);
      expect([renamed.statusCode, saved.statusCode, published.statusCode]).toEqual([200, 200, 201]);
      const workflow = await get(created.id);
      expect(workflow.attributes).toMatchObject({
        name: 'Renamed',
        graph: edited,
        'draft-revision': 2,
        'live-version-number': 1,
      });
    });

    it('refuses a draft over the size cap with a clear 422, keeping the old draft', async () => {
      const created = await create();
      const graph = { nodes: [], edges: [], padding: 'x'.repeat(MAX_DRAFT_BYTES) };
      const [error] = expectApiError(await saveDraft(created.id, graph), 422);
      expect(error).toMatchObject({ source: { pointer: '/data/attributes/graph' } });
      expect(error?.details).toMatch(/at most 524288/);
      expect((await get(created.id)).attributes['draft-revision']).toBe(1);
    });
  });

  describe('publishing', () => {
    it('refuses an invalid draft with 422, one error per problem naming its node, and all issues in meta', async () => {
      const graph = {
        nodes: [
          node('trigger', 'trigger.api'),
          node('create', 'case.create', { 'case-template-id': 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8Oxx' }),
          node('comment', 'case.add-comment', { case: { node: 'create' }, body: '{{ trigger. }}' }),
          node('wait-a', 'wait.duration', { duration: { amount: 1, unit: 'minutes' } }),
          node('wait-b', 'wait.duration', { duration: { amount: 1, unit: 'minutes' } }),
        ],
        edges: [
          edge('trigger', 'create'),
          edge('create', 'comment'),
          edge('comment', 'wait-a'),
          edge('wait-a', 'wait-b'),
          edge('wait-b', 'wait-a'),
          { id: 'to-nowhere', source: 'wait-b', target: 'ghost' },
        ],
      };
      const created = await create({ graph });
      const response = await publish(created.id);
      const errors = expectApiError(response, 422);
      const byTitle = (code: string) => errors.find((error) => error.title === code);
      expect(byTitle('cycle')).toMatchObject({
        details: expect.stringMatching(/^Node "wait-a", edge "wait-b-next-wait-a": /),
        source: { pointer: '/data/attributes/graph/edges/4' },
      });
      expect(byTitle('dangling-edge')).toMatchObject({
        details: expect.stringContaining('Edge "to-nowhere"'),
        source: { pointer: '/data/attributes/graph/edges/5' },
      });
      expect(byTitle('unknown-template')).toMatchObject({
        details: expect.stringContaining('Node "create"'),
        source: { pointer: '/data/attributes/graph/nodes/1/params/case-template-id' },
      });
      expect(byTitle('expression-syntax')).toMatchObject({
        details: expect.stringContaining('Node "comment"'),
        source: { pointer: '/data/attributes/graph/nodes/2/params/body' },
      });
      const { meta } = response.json() as { meta: { issues: { code: string; severity: string }[] } };
      expect(meta.issues.map((issue) => issue.code)).toEqual(
        expect.arrayContaining(['cycle', 'dangling-edge', 'unknown-template', 'expression-syntax']),
      );
      expect(meta.issues.filter((issue) => issue.severity === 'error')).toHaveLength(errors.length);
      expect((await get(created.id)).attributes['live-version-id']).toBeNull();
    });

    it('publishes a valid draft as version 1 with its plan, and makes it live', async () => {
      const created = await create({ graph: validGraph() });
      expect(created.attributes['draft-issues']).toEqual([]);
      const version = await publishOk(created.id, 'First cut');
      expect(version.id).toMatch(/^wfv_[A-Za-z0-9_-]{24}$/);
      expect(version.attributes).toMatchObject({
        'workflow-id': created.id,
        number: 1,
        graph: validGraph(),
        notes: 'First cut',
        'author-id': created.attributes['creator-id'],
        'author-type': 'api-key',
        'trigger-kind': 'trigger.api',
        'trigger-event': null,
        'draft-revision': 1,
      });
      expect(version.attributes.plan.trigger).toBe('trigger');
      expect(Object.keys(version.attributes.plan.steps)).toContain('wait-resolved');
      expect(version.attributes.plan.steps['check-amount']?.next).toEqual({
        'high-value': 'create-case',
        else: 'done',
      });
      expect(await ok(200, api('GET', `/workflow-versions/${version.id}`))).toEqual(version);

      const workflow = await get(created.id);
      expect(workflow.attributes).toMatchObject({ 'live-version-id': version.id, 'live-version-number': 1 });
      expect(liveVersionOf(workflow)).toEqual({ type: 'workflow-version', id: version.id });
    });

    it('publishes again as version 2, which becomes live; versions page newest first', async () => {
      const created = await create({ graph: validGraph() });
      const v1 = await publishOk(created.id);
      const relabelled = validGraph();
      (relabelled.nodes as { id: string; label?: string }[]).forEach((n) => (n.label = `${n.id} (v2)`));
      await ok(200, saveDraft(created.id, relabelled));
      const v2 = await publishOk(created.id, 'Second');
      expect(v2.attributes.plan.steps.done?.label).toBe('done (v2)');
      const v3 = await publishOk(created.id, 'Third');
      expect([v1.attributes.number, v2.attributes.number, v3.attributes.number]).toEqual([1, 2, 3]);
      expect((await get(created.id)).attributes).toMatchObject({ 'live-version-id': v3.id, 'live-version-number': 3 });

      const page1 = await list<WorkflowVersionResource>(`/workflows/${created.id}/versions?page[size]=2`);
      expect(page1.data.map((v) => v.attributes.number)).toEqual([3, 2]);
      const page2 = await list<WorkflowVersionResource>(page1.links.next?.replace('/api/v1', '') ?? '');
      expect(page2.data.map((v) => v.attributes.number)).toEqual([1]);
      expect(page2.links.next).toBeNull();
      const back = await list<WorkflowVersionResource>(page2.links.prev?.replace('/api/v1', '') ?? '');
      expect(back.data.map((v) => v.attributes.number)).toEqual([3, 2]);
    });

    it('numbers 10 concurrent publishes 1..10 exactly once, and leaves the highest live', async () => {
      const created = await create({ graph: validGraph() });
      const versions = await Promise.all(Array.from({ length: 10 }, (_, i) => publishOk(created.id, `publish ${i}`)));
      expect(versions.map((v) => v.attributes.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const workflow = await get(created.id);
      expect(workflow.attributes['live-version-number']).toBe(10);
      expect(workflow.attributes['live-version-id']).toBe(versions.find((v) => v.attributes.number === 10)?.id);
      const listed = await list<WorkflowVersionResource>(`/workflows/${created.id}/versions?page[size]=100`);
      expect(listed.data.map((v) => v.attributes.number)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    });

    it('publishes once for one Idempotency-Key', async () => {
      const created = await create({ graph: validGraph() });
      const headers = { 'idempotency-key': 'publish-once' };
      const first = await api('POST', `/workflows/${created.id}/publish`, { meta: { notes: 'x' } }, headers);
      const again = await api('POST', `/workflows/${created.id}/publish`, { meta: { notes: 'x' } }, headers);
      expect(first.statusCode).toBe(201);
      expect(again.body).toBe(first.body);
      expect((await list(`/workflows/${created.id}/versions`)).data).toHaveLength(1);
    });

    it('publishes an event-triggered workflow, found by its event while live and active', async () => {
      const graph = {
        nodes: [node('on-resolved', 'trigger.event', { event: 'case.resolved' }), node('done', 'end')],
        edges: [edge('on-resolved', 'done')],
      };
      const created = await create({ graph });
      const version = await publishOk(created.id);
      expect(version.attributes).toMatchObject({ 'trigger-kind': 'trigger.event', 'trigger-event': 'case.resolved' });

      const repository = createWorkflowRepository(t.db);
      const found = await repository.findLiveByTriggerEvents(['case.created', 'case.resolved']);
      expect(found.map((match) => [match.eventName, match.version.workflowId, match.version._id])).toEqual([
        ['case.resolved', created.id, version.id],
      ]);
      expect(await repository.findLiveByTriggerEvents(['case.created'])).toEqual([]);
      await ok(200, api('POST', `/workflows/${created.id}/archive`));
      expect(await repository.findLiveByTriggerEvents(['case.resolved'])).toEqual([]);
    });
  });

  describe('the live version, for runs', () => {
    it('gives the live version, and refuses unknown, unpublished and archived workflows', async () => {
      const workflows = createWorkflowServiceOn(t.db, () => new Date());
      const created = await create({ graph: validGraph() });
      await expect(workflows.liveVersion('wfl_P7PA3sVt0aGm9bY1kQ2xZr4c')).rejects.toMatchObject({ title: 'Not Found' });
      await expect(workflows.liveVersion(created.id)).rejects.toThrow(/no published version/);
      const version = await publishOk(created.id);
      const live = await workflows.liveVersion(created.id);
      expect([live.workflow._id, live.version._id, live.version.number]).toEqual([created.id, version.id, 1]);
      expect(live.version.plan.steps['create-case']?.kind).toBe('case.create');
      expect((await workflows.getVersion(version.id)).graph).toEqual(validGraph());
      await ok(200, api('POST', `/workflows/${created.id}/archive`));
      await expect(workflows.liveVersion(created.id)).rejects.toMatchObject({ title: 'Conflict', message: /archived/ });
    });
  });

  describe('restore', () => {
    it('makes an older version the draft, by number or by id', async () => {
      const created = await create({ graph: validGraph() });
      const v1 = await publishOk(created.id);
      await ok(200, saveDraft(created.id, { nodes: [], edges: [] }));
      const byNumber = await ok<WorkflowResource>(
        200,
        api('POST', `/workflows/${created.id}/restore`, { meta: { 'version-number': 1 } }),
      );
      expect(byNumber.attributes).toMatchObject({ graph: validGraph(), 'draft-revision': 3, 'draft-issues': [] });
      await ok(200, saveDraft(created.id, { nodes: [], edges: [] }));
      const byId = await ok<WorkflowResource>(
        200,
        api('POST', `/workflows/${created.id}/restore`, { meta: { 'version-id': v1.id, 'base-revision': 4 } }),
      );
      expect(byId.attributes).toMatchObject({ graph: validGraph(), 'draft-revision': 5 });
      expect(byId.attributes['live-version-number']).toBe(1);
    });

    it("refuses another workflow's version (422) and unknown versions (404)", async () => {
      const mine = await create({ graph: validGraph() });
      const other = await create({ graph: validGraph() });
      const theirs = await publishOk(other.id);
      const restore = (meta: object) => api('POST', `/workflows/${mine.id}/restore`, { meta });
      const [foreign] = expectApiError(await restore({ 'version-id': theirs.id }), 422);
      expect(foreign).toMatchObject({ source: { pointer: '/meta/version-id' } });
      expectApiError(await restore({ 'version-id': 'wfv_P7PA47qHc2Lw0oTn5uJd8eXx' }), 404);
      expectApiError(await restore({ 'version-number': 1 }), 404);
      expect((await get(mine.id)).attributes['draft-revision']).toBe(1);
    });
  });

  describe('errors', () => {
    it('answers 404 for unknown workflows and versions', async () => {
      const id = 'wfl_P7PA3sVt0aGm9bY1kQ2xZr4c';
      expectApiError(await api('GET', `/workflows/${id}`), 404);
      expectApiError(await api('PATCH', `/workflows/${id}`, { data: { attributes: { name: 'x' } } }), 404);
      expectApiError(await saveDraft(id, { nodes: [], edges: [] }), 404);
      expectApiError(await publish(id), 404);
      expectApiError(await api('POST', `/workflows/${id}/archive`), 404);
      expectApiError(await api('GET', `/workflows/${id}/versions`), 404);
      const [restore] = expectApiError(
        await api('POST', `/workflows/${id}/restore`, { meta: { 'version-number': 1 } }),
        404,
      );
      expect(restore?.details).toMatch(/No workflow/);
      expectApiError(await api('GET', '/workflow-versions/wfv_P7PA47qHc2Lw0oTn5uJd8eXs'), 404);
    });

    it('answers malformed requests with 400s in the error format', async () => {
      const created = await create();
      const cases: [Awaited<ReturnType<typeof api>>, string][] = [
        [await api('POST', '/workflows', { data: { attributes: {} } }), '/data/attributes/name'],
        [await api('POST', '/workflows', { data: { attributes: { name: 'x', colour: 'red' } } }), '/data/attributes'],
        [await saveDraft(created.id, 'not an object'), '/data/attributes/graph'],
        [await api('PUT', `/workflows/${created.id}/draft`, { data: { attributes: {} } }), '/data/attributes/graph'],
        [await saveDraft(created.id, {}, { 'base-revision': 'one' }), '/meta/base-revision'],
        [await api('POST', `/workflows/${created.id}/publish`, { meta: { notes: 7 } }), '/meta/notes'],
        [await api('POST', `/workflows/${created.id}/restore`, { meta: {} }), '/meta'],
      ];
      for (const [response, pointer] of cases) {
        const errors = expectApiError(response, 400);
        expect(errors.map((error) => error.source?.pointer)).toContain(pointer);
      }
      const [cursor] = expectApiError(await api('GET', '/workflows?page[after]=case_P7J9obVfPMzfmbhS3SGyiel7'), 400);
      expect(cursor?.source).toEqual({ parameter: 'page[after]' });
      const [filter] = expectApiError(await api('GET', '/workflows?filter[colour]=red'), 400);
      expect(filter?.source).toEqual({ parameter: 'filter[colour]' });
    });
  });
});
