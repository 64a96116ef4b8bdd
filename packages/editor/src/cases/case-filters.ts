import {
  sortAttributes,
  type SearchLeaf,
  type SearchRequest,
  type SortAttribute,
  type SortDirection,
} from './search-query.ts';

/** Which cases by resolution: the open ones (a queue's work, the default), the resolved ones, or all. */
export const caseStates = ['open', 'resolved', 'all'] as const;
export type CaseState = (typeof caseStates)[number];
export const slaFilters = ['due-soon', 'breached'] as const;
export type SlaFilter = (typeof slaFilters)[number];

/** The queue chosen in the sidebar: one queue, the cases in none, or every case. */
export type QueueFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'queue'; id: string };
/** Whose cases: anyone's, the signed-in user's, nobody's, or one person's (an e-mail, as assigned). */
export type AssigneeFilter =
  { kind: 'anyone' } | { kind: 'me' } | { kind: 'unassigned' } | { kind: 'email'; email: string };
export type PageCursor = { kind: 'first' } | { kind: 'after'; cursor: string } | { kind: 'before'; cursor: string };

/** What the case list shows: every part is kept in the URL (`#/cases?…`), so a filtered view can be bookmarked. */
export interface CaseFilters {
  queue: QueueFilter;
  state: CaseState;
  status: string | null;
  template: string | null;
  assignee: AssigneeFilter;
  tags: readonly string[];
  sla: SlaFilter | null;
  /** Free text on the case name (`KYC-17`). */
  text: string;
  sort: { attribute: SortAttribute; direction: SortDirection };
  page: PageCursor;
}

export const PAGE_SIZE = 25;
/** Bounds on what a URL may carry: it is typed (or pasted) by anyone. */
const MAX_TEXT = 200;
const MAX_TAGS = 20;

export const defaultFilters: CaseFilters = {
  queue: { kind: 'all' },
  state: 'open',
  status: null,
  template: null,
  assignee: { kind: 'anyone' },
  tags: [],
  sla: null,
  text: '',
  sort: { attribute: 'updated-at', direction: 'desc' },
  page: { kind: 'first' },
};

const bounded = (value: string | null): string | null => {
  const text = value?.trim() ?? '';
  return text === '' || text.length > MAX_TEXT ? null : text;
};
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((candidate) => candidate === value) ?? null;

/**
 * The filters a `#/cases?…` query names. What is unreadable (an unknown state, an over-long value) falls back to the
 * default rather than failing: a shared link from an older console still opens.
 */
export function parseFilters(query: string): CaseFilters {
  const params = new URLSearchParams(query);
  const queue = bounded(params.get('queue'));
  const assignee = bounded(params.get('assignee'));
  const sort = bounded(params.get('sort'));
  const sortAttribute = oneOf(sortAttributes, sort?.replace(/^-/, '') ?? null);
  const after = bounded(params.get('after'));
  const before = bounded(params.get('before'));
  return {
    queue: queue === null ? { kind: 'all' } : queue === 'none' ? { kind: 'none' } : { kind: 'queue', id: queue },
    state: oneOf(caseStates, params.get('state')) ?? defaultFilters.state,
    status: bounded(params.get('status')),
    template: bounded(params.get('template')),
    assignee:
      assignee === null
        ? { kind: 'anyone' }
        : assignee === 'me' || assignee === 'unassigned'
          ? { kind: assignee }
          : { kind: 'email', email: assignee },
    tags: [
      ...new Set(
        params
          .getAll('tag')
          .map(bounded)
          .filter((tag) => tag !== null),
      ),
    ].slice(0, MAX_TAGS),
    sla: oneOf(slaFilters, params.get('sla')),
    text: bounded(params.get('q')) ?? '',
    sort:
      sort !== null && sortAttribute !== null
        ? { attribute: sortAttribute, direction: sort.startsWith('-') ? 'desc' : 'asc' }
        : defaultFilters.sort,
    page:
      after !== null
        ? { kind: 'after', cursor: after }
        : before !== null
          ? { kind: 'before', cursor: before }
          : { kind: 'first' },
  };
}

/** The `#/cases?…` query of `filters`: only what differs from the defaults, in a stable order. */
export function serializeFilters(filters: CaseFilters): string {
  const params = new URLSearchParams();
  const { queue, assignee, sort, page } = filters;
  if (queue.kind !== 'all') params.set('queue', queue.kind === 'none' ? 'none' : queue.id);
  if (filters.state !== defaultFilters.state) params.set('state', filters.state);
  if (filters.status !== null) params.set('status', filters.status);
  if (filters.template !== null) params.set('template', filters.template);
  if (assignee.kind !== 'anyone') params.set('assignee', assignee.kind === 'email' ? assignee.email : assignee.kind);
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.sla !== null) params.set('sla', filters.sla);
  if (filters.text.trim() !== '') params.set('q', filters.text.trim());
  if (sort.attribute !== defaultFilters.sort.attribute || sort.direction !== defaultFilters.sort.direction)
    params.set('sort', `${sort.direction === 'desc' ? '-' : ''}${sort.attribute}`);
  if (page.kind !== 'first') params.set(page.kind, page.cursor);
  return params.toString();
}

/** `filters` with one part changed; any change but paging starts again at the first page. */
export function withFilter<K extends keyof CaseFilters>(
  filters: CaseFilters,
  key: K,
  value: CaseFilters[K],
): CaseFilters {
  return { ...filters, [key]: value, ...(key === 'page' ? {} : { page: { kind: 'first' } }) };
}

/** Sorting by a column: the same column flips its direction, another starts descending (newest, latest first). */
export function sortBy(filters: CaseFilters, attribute: SortAttribute): CaseFilters {
  const { sort } = filters;
  const direction: SortDirection =
    sort.attribute === attribute
      ? sort.direction === 'desc'
        ? 'asc'
        : 'desc'
      : attribute === 'name' || attribute === 'status'
        ? 'asc'
        : 'desc';
  return withFilter(filters, 'sort', { attribute, direction });
}

/** The search request of `filters`; `me` is the signed-in user's e-mail, what "assigned to me" means. */
export function searchRequestOf(filters: CaseFilters, me: string | null): SearchRequest {
  const leaves: SearchLeaf[] = [];
  const { queue, assignee, page } = filters;
  if (queue.kind === 'queue') leaves.push({ attribute: 'case-queue-id', operator: 'eq', value: queue.id });
  if (queue.kind === 'none') leaves.push({ attribute: 'case-queue-id', operator: 'exists', value: false });
  if (filters.state !== 'all')
    leaves.push({ attribute: 'resolved', operator: 'eq', value: filters.state === 'resolved' });
  if (filters.status !== null) leaves.push({ attribute: 'status', operator: 'eq', value: filters.status });
  if (filters.template !== null)
    leaves.push({ attribute: 'case-template-id', operator: 'eq', value: filters.template });
  if (assignee.kind === 'unassigned') leaves.push({ attribute: 'assignee-id', operator: 'exists', value: false });
  const email = assignee.kind === 'me' ? me : assignee.kind === 'email' ? assignee.email : null;
  // "Me" without an e-mail (never for a signed-in user) matches nobody rather than everybody.
  if (assignee.kind === 'me' || assignee.kind === 'email')
    leaves.push({ attribute: 'assignee-id', operator: 'eq', value: email ?? '' });
  for (const tag of filters.tags) leaves.push({ attribute: 'tags', operator: 'contains', value: tag });
  if (filters.sla !== null) leaves.push({ attribute: 'sla-state', operator: 'eq', value: filters.sla });
  if (filters.text.trim() !== '') leaves.push({ attribute: 'name', operator: 'contains', value: filters.text.trim() });
  const [only] = leaves;
  return {
    ...(leaves.length === 0 ? {} : { query: leaves.length === 1 && only ? only : { and: leaves } }),
    sort: [filters.sort],
    page: {
      size: PAGE_SIZE,
      ...(page.kind === 'after' ? { after: page.cursor } : page.kind === 'before' ? { before: page.cursor } : {}),
    },
  };
}
