import type { CompileIssue, WorkflowIssue, WorkflowResource, WorkflowVersionResource } from '@casework/shared';
import type { WorkflowDocument, WorkflowVersionDocument } from './workflow-collections.ts';
import type { UnprocessableIssue } from '../platform/errors.ts';
import { trafficPercent } from './rollout.ts';

const GRAPH_POINTER = '/data/attributes/graph';

export const toWorkflowIssue = (issue: CompileIssue): WorkflowIssue => ({
  code: issue.code,
  severity: issue.severity,
  'node-id': issue['node-id'] ?? null,
  'edge-id': issue['edge-id'] ?? null,
  path: issue.path ?? null,
  message: issue.message,
});

/** A workflow as the API shows it, with the compiler's issues with its draft. */
export function toWorkflowResource(doc: WorkflowDocument, issues: CompileIssue[]): WorkflowResource {
  return {
    type: 'workflow',
    id: doc._id,
    attributes: {
      name: doc.name,
      description: doc.description,
      status: doc.status,
      graph: doc.draft.graph,
      'draft-revision': doc.draft.revision,
      'draft-saved-at': doc.draft.savedAt.toISOString(),
      'draft-issues': issues.map(toWorkflowIssue),
      'live-version-id': doc.liveVersionId,
      'live-version-number': doc.liveVersionNumber,
      rollout: rolloutOf(doc),
      'creator-id': doc.creator?.id ?? null,
      'creator-type': doc.creator?.type ?? null,
      'created-at': doc.createdAt.toISOString(),
      'updated-at': doc.updatedAt.toISOString(),
    },
    relationships: {
      'live-version': { data: doc.liveVersionId ? { type: 'workflow-version', id: doc.liveVersionId } : null },
    },
  };
}

/** The rollout in progress as the API shows it. */
function rolloutOf(doc: WorkflowDocument): WorkflowResource['attributes']['rollout'] {
  const { rollout } = doc;
  if (!rollout || doc.liveVersionId === null || doc.liveVersionNumber === null) return null;
  return {
    'version-id': doc.liveVersionId,
    'version-number': doc.liveVersionNumber,
    'previous-version-id': rollout.previousVersionId,
    'previous-version-number': rollout.previousVersionNumber,
    percent: rollout.percent,
  };
}

/** A version as the API shows it, with the share of new runs it gets under its workflow's live version and rollout. */
export function toWorkflowVersionResource(
  doc: WorkflowVersionDocument,
  workflow: Pick<WorkflowDocument, 'liveVersionId' | 'rollout'>,
): WorkflowVersionResource {
  return {
    type: 'workflow-version',
    id: doc._id,
    attributes: {
      'workflow-id': doc.workflowId,
      number: doc.number,
      graph: doc.graph,
      plan: { version: doc.plan.version, trigger: doc.plan.trigger, steps: doc.plan.steps },
      notes: doc.notes,
      'author-id': doc.author?.id ?? null,
      'author-type': doc.author?.type ?? null,
      'trigger-kind': doc.triggerKind,
      'trigger-event': doc.triggerEvent,
      'draft-revision': doc.draftRevision,
      'traffic-percent': trafficPercent(doc._id, workflow),
      'created-at': doc.createdAt.toISOString(),
    },
    relationships: { workflow: { data: { type: 'workflow', id: doc.workflowId } } },
  };
}

/** Index of the item with `id` in `graph[key]`, when the draft has such an array (it may be any JSON). */
function indexIn(graph: Record<string, unknown>, key: 'nodes' | 'edges', id: string | undefined): number {
  const items = graph[key];
  if (id === undefined || !Array.isArray(items)) return -1;
  return items.findIndex((item) => (item as { id?: unknown } | null)?.id === id);
}

/**
 * One API error per compile error of a draft that fails to publish: titled by the issue code, naming the node
 * or edge, pointing into the draft graph as `PUT /draft` takes it (edge or node by index, then the issue's path).
 */
export function publishIssues(graph: Record<string, unknown>, issues: CompileIssue[]): UnprocessableIssue[] {
  return issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => {
      const nodeId = issue['node-id'];
      const edgeId = issue['edge-id'];
      const node = indexIn(graph, 'nodes', nodeId);
      const edge = indexIn(graph, 'edges', edgeId);
      const path = issue.path ?? '';
      // Issues that name an edge are about the edge (its paths are edge properties); then the node; else the graph.
      const pointer =
        edge >= 0
          ? `${GRAPH_POINTER}/edges/${edge}${path}`
          : node >= 0
            ? `${GRAPH_POINTER}/nodes/${node}${path}`
            : `${GRAPH_POINTER}${nodeId === undefined && edgeId === undefined ? path : ''}`;
      const names = [nodeId === undefined ? '' : `node "${nodeId}"`, edgeId === undefined ? '' : `edge "${edgeId}"`];
      const where = names.filter(Boolean).join(', ');
      const message = where ? `${where[0]?.toUpperCase() ?? ''}${where.slice(1)}: ${issue.message}` : issue.message;
      return { title: issue.code, message, pointer };
    });
}
