/**
 * The body of `POST /api/v1/cases/search` (docs/architecture.md, "Search"), as the console builds it: a boolean
 * query over case attributes, sort keys and a cursor page. Only the shapes the console sends are typed here.
 */
export type SearchLeaf =
  | { attribute: 'status' | 'case-template-id' | 'case-queue-id' | 'assignee-id'; operator: 'eq'; value: string }
  | { attribute: 'case-queue-id' | 'assignee-id'; operator: 'exists'; value: boolean }
  | { attribute: 'tags'; operator: 'contains'; value: string }
  | { attribute: 'name'; operator: 'contains'; value: string }
  | { attribute: 'sla-state'; operator: 'eq'; value: 'due-soon' | 'breached' }
  | { attribute: 'resolved'; operator: 'eq'; value: boolean };

export type SearchQuery = SearchLeaf | { and: SearchQuery[] } | { or: SearchQuery[] } | { not: SearchQuery };

export const sortAttributes = ['updated-at', 'created-at', 'sla-expires-at', 'name', 'status'] as const;
export type SortAttribute = (typeof sortAttributes)[number];
export type SortDirection = 'asc' | 'desc';

export interface SearchRequest {
  query?: SearchQuery;
  sort: { attribute: SortAttribute; direction: SortDirection }[];
  page: { size: number; after?: string; before?: string };
}
