import type { CaseQueueResource, CaseTemplateResource, CatalogSnapshot } from '@casework/shared';

/**
 * The compiler's view of the API's templates and queues. Archived ones stay in, so a graph that names one gets
 * the compiler's "archived" issue rather than "unknown template".
 */
export function toCatalogSnapshot(
  templates: readonly CaseTemplateResource[],
  queues: readonly CaseQueueResource[],
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
  };
}
