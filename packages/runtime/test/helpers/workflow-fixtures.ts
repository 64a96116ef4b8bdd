import { readFileSync } from 'node:fs';
import { isFinalRunStatus, type RunStatus } from '@casework/shared';
import { expect } from 'vitest';
import { eventually } from './eventually.ts';
import { uniqueKey } from './case-fixtures.ts';
import type { TestApp } from './test-app.ts';

const examplesDir = new URL('../../../../examples/review-workflow/', import.meta.url);
const readExample = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');

export interface GraphJson {
  nodes: {
    id: string;
    kind: string;
    version: number;
    label?: string;
    position: { x: number; y: number };
    params: Record<string, unknown>;
  }[];
  edges: { id: string; source: string; sourceHandle?: string; target: string }[];
}

/** A graph node at `x` on one row, labelled `Step <id>`. */
export const graphNode = (id: string, kind: string, params: Record<string, unknown>, x: number) => ({
  id,
  kind,
  version: 1,
  label: `Step ${id}`,
  position: { x, y: 0 },
  params,
});

/** The nodes in a row, each leading to the next. */
export const chainGraph = (nodes: ReturnType<typeof graphNode>[]): GraphJson => ({
  nodes,
  edges: nodes
    .slice(1)
    .map((target, index) => ({ id: `e${index}`, source: String(nodes[index]?.id), target: target.id })),
});

/** The example case template of `examples/review-workflow`, under a key unique to the test. */
export const exampleTemplateAttributes = () => ({
  ...(JSON.parse(readExample('case-template.json')) as Record<string, unknown>),
  key: uniqueKey('KYC'),
});

/** The canonical review workflow of `examples/review-workflow/workflow.json`, bound to a template and queue. */
export function exampleWorkflow(ids: { templateId: string; queueId: string }) {
  const text = readExample('workflow.json')
    .replaceAll('$TEMPLATE_ID', ids.templateId)
    .replaceAll('$QUEUE_ID', ids.queueId);
  return JSON.parse(text) as { name: string; description: string; graph: GraphJson };
}

export interface RunBody {
  id: string;
  attributes: {
    status: string;
    'case-ids': string[];
    steps: { 'node-id': string; status: string; attempts: number; output: unknown; error: string | null }[];
    error: string | null;
    stuck: { reason: string; 'failed-attempts': number } | null;
    'temporal-ui-url': string;
    'temporal-run-id': string | null;
    'workflow-version-id': string;
    'trigger-kind': string;
    trigger: unknown;
  };
}

export async function api(
  t: TestApp,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...t.auth, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Creates a workflow with `graph` as its draft and publishes it; the workflow and version ids. */
export async function publishWorkflow(t: TestApp, workflow: { name: string; graph: unknown }) {
  const created = await api(t, 'POST', '/workflows', {
    data: { attributes: { name: workflow.name, graph: workflow.graph } },
  });
  expect(created.statusCode, created.body).toBe(201);
  const workflowId = (created.json() as { data: { id: string } }).data.id;
  const published = await api(t, 'POST', `/workflows/${workflowId}/publish`, { meta: { notes: 'test' } });
  expect(published.statusCode, published.body).toBe(201);
  return { workflowId, versionId: (published.json() as { data: { id: string } }).data.id };
}

export async function triggerRun(
  t: TestApp,
  workflowId: string,
  fields: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await api(
    t,
    'POST',
    `/workflows/${workflowId}/trigger`,
    { data: { attributes: { fields } } },
    headers,
  );
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { data: RunBody }).data;
}

export async function getRun(t: TestApp, runId: string): Promise<RunBody> {
  const response = await api(t, 'GET', `/workflow-runs/${runId}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { data: RunBody }).data;
}

export const stepOf = (run: RunBody, nodeId: string) => {
  const step = run.attributes.steps.find((candidate) => candidate['node-id'] === nodeId);
  if (!step) throw new Error(`run ${run.id} has no step ${nodeId}`);
  return step;
};

/** Waits until the run reaches one of `statuses` (and, if given, `nodeId` reaches `stepStatus`). */
export function runReaches(
  t: TestApp,
  runId: string,
  statuses: string[],
  { nodeId, stepStatus, timeoutMs = 30_000 }: { nodeId?: string; stepStatus?: string; timeoutMs?: number } = {},
) {
  let last: RunBody | null = null;
  const wanted = () =>
    `run ${runId} to be ${statuses.join('|')} (last: ${JSON.stringify(last?.attributes.status)} ${JSON.stringify(last?.attributes.steps.map((s) => [s['node-id'], s.status, ...(s.error ? [s.error] : [])]))})`;
  return eventually(
    async () => {
      last = await getRun(t, runId);
      const stepOk = !nodeId || stepOf(last, nodeId).status === stepStatus;
      if (statuses.includes(last.attributes.status) && stepOk) return last;
      // A finished run will not change any more: say so now rather than at the timeout.
      if (isFinalRunStatus(last.attributes.status as RunStatus)) throw new Error(`expected ${wanted()}, but it ended`);
      return undefined;
    },
    { timeoutMs, what: wanted },
  );
}
