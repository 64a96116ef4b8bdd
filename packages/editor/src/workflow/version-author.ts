import type { WorkflowVersionResource } from '@casework/shared';

/** Who published a version, as far as the API knows: an API key, a user, or nobody recorded. */
export function versionAuthor(version: WorkflowVersionResource): string {
  const { 'author-id': id, 'author-type': type } = version.attributes;
  if (id === null) return 'unknown';
  return type === 'api-key' ? `API key ${id}` : id;
}
