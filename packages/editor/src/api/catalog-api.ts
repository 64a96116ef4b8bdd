import {
  caseQueueListSchema,
  caseTemplateListSchema,
  type CaseQueueResource,
  type CaseTemplateResource,
  type CatalogSnapshot,
} from '@casework/shared';
import type { ApiClient, ResponseSchema } from './api-client.ts';
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

/** The case templates and queues the compiler checks a graph against, fetched from the API. */
export async function fetchCatalog(client: ApiClient, signal?: AbortSignal): Promise<CatalogSnapshot> {
  const [templates, queues] = await Promise.all([
    fetchAllPages<CaseTemplateResource>(client, '/case-templates', caseTemplateListSchema, signal),
    fetchAllPages<CaseQueueResource>(client, '/case-queues', caseQueueListSchema, signal),
  ]);
  return toCatalogSnapshot(templates, queues);
}
