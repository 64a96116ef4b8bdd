import {
  caseDocumentSchema,
  caseQueueCountsSchema,
  caseSearchResultSchema,
  caseTemplateDocumentSchema,
  eventListSchema,
  type CaseResource,
  type CaseTemplateResource,
  type EventResource,
} from '@casework/shared';
import type { SearchRequest } from '../cases/search-query.ts';
import type { ApiClient } from './api-client.ts';

export interface CasePage {
  cases: CaseResource[];
  /** Cursors of the next and previous pages, null at either end. */
  after: string | null;
  before: string | null;
}

export interface QueueCounts {
  byQueue: ReadonlyMap<string, { open: number; breached: number }>;
  unqueuedOpen: number;
}

/** A change `PATCH /cases/{id}` makes: fields (merged; null removes one), the queue (null: none), the SLA. */
export interface CaseUpdate {
  fields?: Record<string, unknown>;
  queueId?: string | null;
  /** Seconds from now; null clears the SLA. */
  slaExpiresInSeconds?: number | null;
}

/**
 * Cases as the reviewer console works them (docs/architecture.md, "Cases" and "The reviewer console"): search, queue
 * counts, read, change, comment.
 */
/** The `page[after]` cursor of a list's `links.next` URL; null at the end. */
export function cursorOf(next: string | null): string | null {
  if (next === null) return null;
  return new URL(next, 'http://casework.invalid').searchParams.get('page[after]');
}

export function casesApi(client: ApiClient) {
  const path = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;
  const act = async (id: string, action: string, meta: Record<string, unknown>): Promise<CaseResource> =>
    (await client.request(path(id, `/${action}`), caseDocumentSchema, { method: 'POST', body: { meta } })).data;
  return {
    search: async (request: SearchRequest, signal?: AbortSignal): Promise<CasePage> => {
      const answer = await client.request('/cases/search', caseSearchResultSchema, {
        method: 'POST',
        body: request,
        signal,
      });
      return { cases: answer.data, after: answer.meta['page-after'], before: answer.meta['page-before'] };
    },
    queueCounts: async (signal?: AbortSignal): Promise<QueueCounts> => {
      const answer = await client.request('/case-queues/counts', caseQueueCountsSchema, { signal });
      const byQueue = new Map(
        answer.data.map((entry) => [
          entry.id,
          { open: entry.attributes['open-count'], breached: entry.attributes['breached-count'] },
        ]),
      );
      return { byQueue, unqueuedOpen: answer.meta['unqueued-open-count'] };
    },
    get: async (id: string, signal?: AbortSignal): Promise<CaseResource> =>
      (await client.request(path(id), caseDocumentSchema, { signal })).data,
    template: async (id: string, signal?: AbortSignal): Promise<CaseTemplateResource> =>
      (await client.request(`/case-templates/${encodeURIComponent(id)}`, caseTemplateDocumentSchema, { signal })).data,
    /**
     * A page of the case's events (its timeline, comments included), newest first: the newest, or those older than
     * the `after` cursor of the page before; `next` is the cursor of the following page, null at the oldest.
     */
    events: async (
      id: string,
      signal?: AbortSignal,
      after?: string,
    ): Promise<{ events: EventResource[]; next: string | null }> => {
      const query = { 'page[size]': 100, ...(after === undefined ? {} : { 'page[after]': after }) };
      const page = await client.request(path(id, '/events'), eventListSchema, { query, signal });
      return { events: page.data, next: cursorOf(page.links.next) };
    },
    update: async (id: string, { fields, queueId, slaExpiresInSeconds }: CaseUpdate): Promise<CaseResource> => {
      const attributes = {
        ...(fields === undefined ? {} : { fields }),
        ...(queueId === undefined ? {} : { 'case-queue-id': queueId }),
      };
      const body = {
        ...(Object.keys(attributes).length === 0 ? {} : { data: { attributes } }),
        ...(slaExpiresInSeconds === undefined ? {} : { meta: { 'sla-expires-in-seconds': slaExpiresInSeconds } }),
      };
      return (await client.request(path(id), caseDocumentSchema, { method: 'PATCH', body })).data;
    },
    setStatus: (id: string, status: string) => act(id, 'set-status', { status }),
    assign: (id: string, email: string) => act(id, 'assign', { 'user-email-address': email }),
    addTag: (id: string, tag: string) => act(id, 'add-tag', { 'tag-name': tag }),
    removeTag: (id: string, tag: string) => act(id, 'remove-tag', { 'tag-name': tag }),
    /** Signed with the reviewer's e-mail, so the timeline names them rather than their user id. */
    comment: async (id: string, body: string, author: string | null): Promise<CaseResource> => {
      const attributes = { body, ...(author === null ? {} : { 'author-email-address': author }) };
      return (
        await client.request(path(id, '/comments'), caseDocumentSchema, {
          method: 'POST',
          body: { data: { attributes } },
        })
      ).data;
    },
    redact: async (id: string): Promise<CaseResource> =>
      (await client.request(path(id), caseDocumentSchema, { method: 'DELETE' })).data,
  };
}

export type CasesApi = ReturnType<typeof casesApi>;
