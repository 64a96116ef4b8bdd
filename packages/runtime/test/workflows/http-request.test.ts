import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from '../helpers/error-format.ts';
import { eventually } from '../helpers/eventually.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  chainGraph as chain,
  getRun,
  graphNode as node,
  publishWorkflow,
  type RunBody,
  runReaches,
  stepOf,
  triggerRun,
} from '../helpers/workflow-fixtures.ts';
import { startLocalHttpServer } from '../http/local-http-server.ts';

const SECRET = 'whsec_local-test-secret-value';

describe('http.request on the real stack', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

  beforeAll(async () => {
    server = await startLocalHttpServer(SECRET);
    // Only the test service's own address and port: other loopback addresses and ports stay refused.
    t = await createTestApp({ RATE_LIMIT_MAX: '100000', CASEWORK_HTTP_ALLOW: `127.0.0.1:${server.port}` });
    worker = await startInProcessWorker(t);
    const created = await api(t, 'POST', '/secrets', { data: { attributes: { name: 'hook-secret', value: SECRET } } });
    expect(created.statusCode, created.body).toBe(201);
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await server?.close();
  });

  /** A trigger, the request node, then `rest`: a published workflow's id. */
  async function publishRequest(name: string, request: Record<string, unknown>, rest: ReturnType<typeof node>[] = []) {
    const graph = chain([
      node('trigger', 'trigger.api', { fields: [] }, 0),
      node('call', 'http.request', request, 200),
      ...rest,
    ]);
    return (await publishWorkflow(t, { name, graph })).workflowId;
  }

  it('sends a signed JSON body built from the trigger, and a later step reads the parsed answer', async () => {
    const nodes = [
      node(
        'trigger',
        'trigger.api',
        {
          fields: [
            { key: 'applicant', type: 'string', required: true },
            { key: 'amount', type: 'number', required: true },
          ],
        },
        0,
      ),
      node(
        'notify',
        'http.request',
        {
          method: 'POST',
          url: `${server.url}/hooks`,
          query: { source: 'casework', applicant: '{{ trigger.applicant }}' },
          headers: { 'X-Applicant': '{{ trigger.applicant }}' },
          body: { type: 'json', value: { applicant: '{{ trigger.applicant }}', amount: '{{ trigger.amount }}' } },
          'secret-headers': { 'X-Api-Key': 'hook-secret' },
          signature: { secret: 'hook-secret' },
        },
        200,
      ),
      node(
        'risk',
        'logic.condition',
        {
          routes: [{ id: 'high', label: 'High risk', when: "{{ steps.notify.body.risk = 'high' }}" }],
        },
        400,
      ),
      node('high', 'end', {}, 600),
      node('low', 'end', {}, 600),
    ];
    const edges = [
      { id: 'e1', source: 'trigger', target: 'notify' },
      { id: 'e2', source: 'notify', target: 'risk' },
      { id: 'e3', source: 'risk', sourceHandle: 'high', target: 'high' },
      { id: 'e4', source: 'risk', sourceHandle: 'else', target: 'low' },
    ];
    const graph = { nodes, edges };
    const { workflowId } = await publishWorkflow(t, { name: 'Notify the risk service', graph });

    const run = await runReaches(t, (await triggerRun(t, workflowId, { applicant: 'Ada', amount: 25_000 })).id, [
      'completed',
    ]);
    const seen = server.received.find((request) => request.path === '/hooks');
    expect(seen).toMatchObject({
      method: 'POST',
      query: { source: 'casework', applicant: 'Ada' },
      signatureValid: true,
      body: JSON.stringify({ applicant: 'Ada', amount: 25_000 }),
    });
    expect(seen?.headers['x-applicant']).toBe('Ada');
    expect(seen?.headers['x-api-key']).toBe(SECRET);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(stepOf(run, 'notify')).toMatchObject({ status: 'completed', attempts: 1 });
    expect(stepOf(run, 'notify').output).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { received: { applicant: 'Ada', amount: 25_000 }, risk: 'high' },
    });
    expect(stepOf(run, 'risk').output).toEqual({ route: 'high' });
    // The secret's value is nowhere in what the run shows.
    expect(JSON.stringify(run)).not.toContain(SECRET);
  });

  it('tries a 5xx again with backoff until it succeeds', async () => {
    const workflowId = await publishRequest('Flaky service', {
      url: `${server.url}/flaky?key=retry-1&fail=2`,
      retry: { 'max-attempts': 4, 'initial-interval': { amount: 1, unit: 'seconds' } },
    });
    const run = await runReaches(t, (await triggerRun(t, workflowId, {})).id, ['completed'], { timeoutMs: 60_000 });
    expect(stepOf(run, 'call')).toMatchObject({ status: 'completed', attempts: 3 });
    expect(stepOf(run, 'call').output).toMatchObject({ status: 200, body: { ok: true, attempt: 3 } });
    expect(server.received.filter((request) => request.query.key === 'retry-1')).toHaveLength(3);
  });

  it('shows a step whose request is in flight as running, in the run list as in the run view', async () => {
    const workflowId = await publishRequest('Slow service', { url: `${server.url}/held?key=in-flight` });
    const { id } = await triggerRun(t, workflowId, {});
    // The list reads the runs' records only: the record is written when the workflow task ends, blocked on the request.
    const listed = await eventually(
      async () => {
        const list = await api(t, 'GET', `/workflow-runs?filter[workflow-id]=${workflowId}`);
        const entry = (list.json() as { data: RunBody[] }).data.find((candidate) => candidate.id === id);
        return entry && stepOf(entry, 'call').status === 'running' ? entry : undefined;
      },
      { timeoutMs: 30_000, what: `run ${id} to be listed with its request running` },
    );
    expect(listed.attributes.status).toBe('in_progress');
    expect(stepOf(listed, 'trigger').status).toBe('completed');
    expect(stepOf(await getRun(t, id), 'call').status).toBe('running');
    await eventually(async () => server.release('in-flight') || undefined, {
      timeoutMs: 30_000,
      what: 'the request to arrive',
    });
    const run = await runReaches(t, id, ['completed']);
    expect(stepOf(run, 'call').output).toMatchObject({ status: 200, body: { released: true } });
  });

  it('answers a trigger with Prefer: wait once the run blocks on a slow request, showing it running', async () => {
    const workflowId = await publishRequest('Slow service, waited on', { url: `${server.url}/held?key=prefer-wait` });
    // The answer comes when the run's task ends on the request, well before the 20 s asked for, and shows the record
    // the worker writes as the task ends: the request still held, so the step is running.
    const answered = await triggerRun(t, workflowId, {}, { prefer: 'wait=20' });
    expect(answered.attributes.status).toBe('in_progress');
    expect(stepOf(answered, 'trigger').status).toBe('completed');
    expect(stepOf(answered, 'call').status).toBe('running');
    await eventually(async () => server.release('prefer-wait') || undefined, {
      timeoutMs: 30_000,
      what: 'the request to arrive',
    });
    const run = await runReaches(t, answered.id, ['completed']);
    expect(stepOf(run, 'call').output).toMatchObject({ status: 200, body: { released: true } });
  });

  it('fails at once on a status retry-on does not name (a 404), saying what answered', async () => {
    const workflowId = await publishRequest('Missing resource', {
      url: `${server.url}/nothing-here`,
      retry: { 'max-attempts': 5, 'initial-interval': { amount: 1, unit: 'seconds' } },
    });
    const run = await runReaches(t, (await triggerRun(t, workflowId, {})).id, ['errored']);
    expect(stepOf(run, 'call')).toMatchObject({ status: 'errored', attempts: 1 });
    expect(stepOf(run, 'call').error).toContain(`GET ${server.url}/nothing-here answered 404`);
    expect(server.received.filter((request) => request.path === '/nothing-here')).toHaveLength(1);
  });

  it('refuses a private address (found by resolving the name) with a clear step error, sending nothing', async () => {
    const before = server.received.length;
    // `localhost` resolves to a loopback address; the allowlist names only 127.0.0.1 on the test service's port.
    const workflowId = await publishRequest('Into the worker’s own host', {
      url: `http://localhost:${server.port + 1}/admin`,
    });
    const run = await runReaches(t, (await triggerRun(t, workflowId, {})).id, ['errored']);
    expect(stepOf(run, 'call')).toMatchObject({ status: 'errored', attempts: 1 });
    expect(stepOf(run, 'call').error).toMatch(
      /refused: localhost \((127\.0\.0\.1|::1)\) is a loopback address; CASEWORK_HTTP_ALLOW/,
    );
    expect(run.attributes.error).toContain('refused');

    const literal = await publishRequest('Cloud metadata', { url: 'http://169.254.169.254/latest/meta-data/' });
    const metadataRun = await runReaches(t, (await triggerRun(t, literal, {})).id, ['errored']);
    expect(stepOf(metadataRun, 'call').error).toContain('refused: 169.254.169.254 is a link-local address');
    expect(server.received.length).toBe(before);
  });

  it('fails a step whose answer is over its max-response-bytes, and continue-on-error goes on', async () => {
    const workflowId = await publishRequest(
      'Too much',
      { url: `${server.url}/big?bytes=5000`, 'max-response-bytes': 1024, 'continue-on-error': true },
      [node('done', 'end', {}, 400)],
    );
    const run = await runReaches(t, (await triggerRun(t, workflowId, {})).id, ['completed']);
    expect(stepOf(run, 'call')).toMatchObject({ status: 'errored', attempts: 1 });
    expect(stepOf(run, 'call').error).toContain("larger than the step's max-response-bytes (1024 bytes");
    expect(stepOf(run, 'done').status).toBe('completed');
  });

  it('answers 422 naming the node when a graph signs with a secret that does not exist', async () => {
    const graph = chain([
      node('trigger', 'trigger.api', { fields: [] }, 0),
      node(
        'call',
        'http.request',
        { url: `${server.url}/hooks`, method: 'POST', signature: { secret: 'no-such-secret' } },
        200,
      ),
    ]);
    const created = await api(t, 'POST', '/workflows', { data: { attributes: { name: 'Unknown secret', graph } } });
    const workflowId = (created.json() as { data: { id: string } }).data.id;
    const published = await api(t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'x' } });
    expectApiError(published, 422);
    const issues = (published.json() as { meta: { issues: { code: string; 'node-id': string; path: string }[] } }).meta
      .issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'unknown-secret', 'node-id': 'call', path: '/params/signature/secret' }),
    );
  });
});
