import type { CaseSearchRequest, SearchSortAttribute } from '@casework/shared';

/**
 * The body of `POST /api/v1/cases/search` (packages/shared/src/api/case-search.dto.ts) as the console builds it:
 * narrower than the API's schema, only the leaves the console's filters make, so the compiler checks them.
 */
export type SearchLeaf =
  | { attribute: 'status' | 'case-template-id' | 'case-queue-id' | 'assignee-id'; operator: 'eq'; value: string }
  | { attribute: 'case-queue-id' | 'assignee-id'; operator: 'exists'; value: boolean }
  | { attribute: 'tags'; operator: 'contains'; value: string }
  | { attribute: 'name'; operator: 'contains'; value: string }
  | { attribute: 'sla-state'; operator: 'eq'; value: 'due-soon' | 'breached' }
  | { attribute: 'resolved'; operator: 'eq'; value: boolean };

export type SearchQuery = SearchLeaf | { and: SearchQuery[] } | { or: SearchQuery[] } | { not: SearchQuery };

/** The sort keys the list offers (a subset of the API's). */
export const sortAttributes = [
  'updated-at',
  'created-at',
  'sla-expires-at',
  'name',
  'status',
] as const satisfies readonly SearchSortAttribute[];
export type SortAttribute = (typeof sortAttributes)[number];
export type SortDirection = 'asc' | 'desc';

export interface SearchRequest extends NonNullable<CaseSearchRequest> {
  query?: SearchQuery;
  sort: { attribute: SortAttribute; direction: SortDirection }[];
  page: { size: number; after?: string; before?: string };
}
