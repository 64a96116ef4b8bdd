import type { CaseQueueResource, CaseTemplateResource, CatalogSnapshot, WorkflowResource } from '@casework/shared';

/**
 * The compiler's view of the API's templates, queues and workflows. Archived ones stay in, so a graph that names one gets
 * the compiler's "archived" issue rather than "unknown template".
 */
export function toCatalogSnapshot(
  templates: readonly CaseTemplateResource[],
  queues: readonly CaseQueueResource[],
  workflows: readonly WorkflowResource[] = [],
  currentWorkflowId?: string,
): CatalogSnapshot {
  return {
    templates: templates.map(({ id, attributes }) => ({
      id,
      key: attributes.key,
      statuses: attributes.statuses,
      fieldSchemas: attributes['field-schemas'],
      status: attributes.status,
    })),
    queues: queues.map(({ id, attributes }) => ({ id, status: attributes.status, name: attributes.name })),
    workflows: workflows.map(({ id, attributes }) => ({
      id,
      name: attributes.name,
      status: attributes.status,
      live: attributes['live-version-id'] !== null,
    })),
    ...(currentWorkflowId === undefined ? {} : { currentWorkflowId }),
  };
}
