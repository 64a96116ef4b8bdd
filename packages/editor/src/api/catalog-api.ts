import {
  caseQueueDocumentSchema,
  caseQueueListSchema,
  caseTemplateDocumentSchema,
  caseTemplateListSchema,
  workflowListSchema,
  type CaseQueueResource,
  type WorkflowResource,
  type CaseTemplateResource,
  type CatalogSnapshot,
  type CreateCaseTemplateRequest,
} from '@casework/shared';
import type { ApiClient, ResponseSchema } from './api-client.ts';
import { ApiRequestError } from './api-error.ts';
import { secretsApi } from './secrets-api.ts';
import { toCatalogSnapshot } from './catalog-snapshot.ts';

/** More than this many pages of templates or queues is a runaway `links.next`, not a real catalog. */
const MAX_PAGES = 100;
const PAGE_SIZE = 100;

/** Every page of a list, following `links.next`. */
export async function fetchAllPages<T>(
  client: ApiClient,
  path: string,
  schema: ResponseSchema<{ data: T[]; links: { next: string | null } }>,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let link: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: { data: T[]; links: { next: string | null } } = await client.request(
      link ?? path,
      schema,
      link ? { signal } : { query: { 'page[size]': PAGE_SIZE }, signal },
    );
    items.push(...answer.data);
    link = answer.links.next;
    if (link === null) break;
  }
  return items;
}

/**
 * The case templates, queues, workflows and secret names the compiler checks a graph against, fetched from the API;
 * the graph of `currentWorkflowId` may not call that workflow. Secrets are asked for only when `listSecrets` (the
 * role may list them); without them, or on a 403 all the same, the compiler leaves secret names unchecked.
 */
export async function fetchCatalog(
  client: ApiClient,
  signal?: AbortSignal,
  currentWorkflowId?: string,
  listSecrets = true,
): Promise<CatalogSnapshot> {
  const [templates, queues, workflows, secrets] = await Promise.all([
    fetchAllPages<CaseTemplateResource>(client, '/case-templates', caseTemplateListSchema, signal),
    fetchAllPages<CaseQueueResource>(client, '/case-queues', caseQueueListSchema, signal),
    fetchAllPages<WorkflowResource>(client, '/workflows', workflowListSchema, signal),
    listSecrets
      ? secretsApi(client)
          .list(signal)
          .catch((error: unknown) => {
            if (error instanceof ApiRequestError && error.status === 403) return undefined;
            throw error;
          })
      : undefined,
  ]);
  const snapshot = toCatalogSnapshot(templates, queues, workflows, currentWorkflowId);
  return secrets === undefined ? snapshot : { ...snapshot, secrets: secrets.map((secret) => ({ name: secret.id })) };
}

/** The case templates and queues (docs/architecture.md, "Cases") as the Case setup page manages them: list, create, archive. */
export function catalogApi(client: ApiClient) {
  return {
    templates: (signal?: AbortSignal) =>
      fetchAllPages<CaseTemplateResource>(client, '/case-templates', caseTemplateListSchema, signal),
    queues: (signal?: AbortSignal) =>
      fetchAllPages<CaseQueueResource>(client, '/case-queues', caseQueueListSchema, signal),
    createTemplate: async (request: CreateCaseTemplateRequest): Promise<CaseTemplateResource> =>
      (await client.request('/case-templates', caseTemplateDocumentSchema, { method: 'POST', body: request })).data,
    archiveTemplate: async (id: string): Promise<CaseTemplateResource> =>
      (
        await client.request(`/case-templates/${encodeURIComponent(id)}/archive`, caseTemplateDocumentSchema, {
          method: 'POST',
        })
      ).data,
    createQueue: async (name: string): Promise<CaseQueueResource> => {
      const body = { data: { attributes: { name } } };
      return (await client.request('/case-queues', caseQueueDocumentSchema, { method: 'POST', body })).data;
    },
    archiveQueue: async (id: string): Promise<CaseQueueResource> =>
      (
        await client.request(`/case-queues/${encodeURIComponent(id)}/archive`, caseQueueDocumentSchema, {
          method: 'POST',
        })
      ).data,
  };
}

export type CatalogApi = ReturnType<typeof catalogApi>;
