import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph, WorkflowResource, WorkflowVersionResource } from '../../packages/shared/src/index.ts';
import type { CaseworkClient } from './casework-client.ts';

export interface ReviewWorkflow {
  templateKey: string;
  templateId: string;
  queueId: string;
  workflowId: string;
  versionNumber: number;
  /** The ids of its case steps (`case.*` nodes), in the order of the example's graph. */
  caseStepIds: string[];
  /** The RateLimit-Limit the api announced (requests per key per window). */
  rateLimit: number | null;
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The canonical review workflow of examples/review-workflow, set up once: a template with a fresh key (keys are
 * unique and permanent), a queue, and the workflow with their ids filled in, published.
 */
export async function setUpReviewWorkflow(api: CaseworkClient, repoRoot: string): Promise<ReviewWorkflow> {
  const exampleDir = path.join(repoRoot, 'examples', 'review-workflow');
  const templateKey = `BENCH${randomBytes(4).toString('hex').toUpperCase()}`;
  const template = readJson(path.join(exampleDir, 'case-template.json'));
  const { data: createdTemplate, response } = await api.expect<{ id: string }>(201, 'POST', '/case-templates', {
    data: { attributes: { ...template, key: templateKey, name: `${String(template.name)} (${templateKey})` } },
  });
  const { data: queue } = await api.expect<{ id: string }>(201, 'POST', '/case-queues', {
    data: { attributes: { name: `Bench queue (${templateKey})` } },
  });
  const workflowText = readFileSync(path.join(exampleDir, 'workflow.json'), 'utf8')
    .replaceAll('$TEMPLATE_ID', createdTemplate.id)
    .replaceAll('$QUEUE_ID', queue.id);
  const workflow = JSON.parse(workflowText) as { name: string; graph: Graph };
  const { data: created } = await api.expect<WorkflowResource>(201, 'POST', '/workflows', {
    data: { attributes: { ...workflow, name: `${workflow.name} (bench ${templateKey})` } },
  });
  const { data: version } = await api.expect<WorkflowVersionResource>(201, 'POST', `/workflows/${created.id}/publish`, {
    meta: { notes: 'bench/trigger.ts' },
  });
  const limit = Number(response.headers.get('ratelimit-limit'));
  return {
    templateKey,
    templateId: createdTemplate.id,
    queueId: queue.id,
    workflowId: created.id,
    versionNumber: version.attributes.number,
    caseStepIds: workflow.graph.nodes.filter((node) => node.kind.startsWith('case.')).map((node) => node.id),
    rateLimit: Number.isFinite(limit) && limit > 0 ? limit : null,
  };
}
