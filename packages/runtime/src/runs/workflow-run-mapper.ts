import type { WorkflowRunResource } from '@casework/shared';
import type { WorkflowRunDocument } from './workflow-run-collections.ts';
import { temporalUiUrl } from '../temporal/temporal-ui.ts';

/** A run as the API shows it, with its link into Temporal UI. */
export function toWorkflowRunResource(
  doc: WorkflowRunDocument & { stuck?: WorkflowRunResource['attributes']['stuck'] },
  temporal: { uiUrl: string; namespace: string },
): WorkflowRunResource {
  const { trigger } = doc;
  return {
    type: 'workflow-run',
    id: doc._id,
    attributes: {
      status: doc.status,
      'workflow-id': doc.workflowId,
      'workflow-version-id': doc.versionId,
      'workflow-version-number': doc.versionNumber,
      'trigger-kind': trigger.kind,
      trigger: doc.input,
      'trigger-event-id': trigger.kind === 'event' ? trigger.eventId : null,
      'rerun-of': trigger.kind === 'rerun' ? trigger.rerunOf : null,
      'parent-run-id': trigger.kind === 'workflow' ? trigger.parentRunId : null,
      'case-ids': doc.caseIds,
      steps: doc.steps,
      error: doc.error,
      stuck: doc.stuck ?? null,
      'created-at': doc.createdAt.toISOString(),
      'updated-at': doc.updatedAt.toISOString(),
      'completed-at': doc.completedAt?.toISOString() ?? null,
      'temporal-workflow-id': doc._id,
      'temporal-run-id': doc.temporalRunId,
      'temporal-ui-url': temporalUiUrl(temporal.uiUrl, temporal.namespace, doc._id, doc.temporalRunId),
      'creator-id': doc.creator?.id ?? null,
      'creator-type': doc.creator?.type ?? null,
    },
    relationships: {
      workflow: { data: { type: 'workflow', id: doc.workflowId } },
      'workflow-version': { data: { type: 'workflow-version', id: doc.versionId } },
    },
  };
}
