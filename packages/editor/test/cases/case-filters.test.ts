import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  parseFilters,
  searchRequestOf,
  serializeFilters,
  sortBy,
  withFilter,
  type CaseFilters,
} from '../../src/cases/case-filters.ts';

const me = 'ada@example.com';

describe('case list filters in the URL', () => {
  it('an empty query is the default view: open cases of every queue, latest updated first, first page', () => {
    expect(parseFilters('')).toEqual(defaultFilters);
    expect(serializeFilters(defaultFilters)).toBe('');
  });

  it('reads back every filter it writes', () => {
    const filters: CaseFilters = {
      queue: { kind: 'queue', id: 'cqueue_1' },
      state: 'all',
      status: 'Pending Review',
      template: 'ctmpl_1',
      assignee: { kind: 'email', email: 'bob@example.com' },
      tags: ['pep', 'high value'],
      sla: 'breached',
      text: 'KYC-1',
      sort: { attribute: 'sla-expires-at', direction: 'asc' },
      page: { kind: 'after', cursor: 'abc=' },
    };
    const query = serializeFilters(filters);
    expect(query).toBe(
      'queue=cqueue_1&state=all&status=Pending+Review&template=ctmpl_1&assignee=bob%40example.com&tag=pep&tag=high+value' +
        '&sla=breached&q=KYC-1&sort=sla-expires-at&after=abc%3D',
    );
    expect(parseFilters(query)).toEqual(filters);
    for (const special of [{ kind: 'none' }, { kind: 'all' }] as const)
      expect(parseFilters(serializeFilters({ ...filters, queue: special })).queue).toEqual(special);
    for (const assignee of [{ kind: 'me' }, { kind: 'unassigned' }, { kind: 'anyone' }] as const)
      expect(parseFilters(serializeFilters({ ...filters, assignee })).assignee).toEqual(assignee);
  });

  it('falls back to the defaults for what a hand-edited or stale link gets wrong, and bounds what it keeps', () => {
    const filters = parseFilters(
      `state=closed&sla=soon&sort=-colour&status=${'x'.repeat(201)}&q=%20%20&${Array.from({ length: 30 }, (_, i) => `tag=t${i}`).join('&')}`,
    );
    expect(filters.state).toBe('open');
    expect(filters.sla).toBeNull();
    expect(filters.sort).toEqual(defaultFilters.sort);
    expect(filters.status).toBeNull();
    expect(filters.text).toBe('');
    expect(filters.tags).toHaveLength(20);
  });

  it('goes back to the first page when a filter or the sort changes, not when paging', () => {
    const paged = withFilter(defaultFilters, 'page', { kind: 'after', cursor: 'c1' });
    expect(paged.page).toEqual({ kind: 'after', cursor: 'c1' });
    expect(withFilter(paged, 'status', 'open').page).toEqual({ kind: 'first' });
    expect(sortBy(paged, 'name').page).toEqual({ kind: 'first' });
  });

  it('sorts a new column in its natural direction and flips the current one', () => {
    expect(sortBy(defaultFilters, 'name').sort).toEqual({ attribute: 'name', direction: 'asc' });
    expect(sortBy(defaultFilters, 'updated-at').sort).toEqual({ attribute: 'updated-at', direction: 'asc' });
    expect(sortBy(sortBy(defaultFilters, 'sla-expires-at'), 'sla-expires-at').sort).toEqual({
      attribute: 'sla-expires-at',
      direction: 'asc',
    });
  });
});

describe('filters as a search request', () => {
  it('asks for the open cases, newest updated first, 25 a page, when nothing is filtered', () => {
    expect(searchRequestOf(defaultFilters, me)).toEqual({
      query: { attribute: 'resolved', operator: 'eq', value: false },
      sort: [{ attribute: 'updated-at', direction: 'desc' }],
      page: { size: 25 },
    });
    expect(searchRequestOf(withFilter(defaultFilters, 'state', 'all'), me)).toEqual({
      sort: [{ attribute: 'updated-at', direction: 'desc' }],
      page: { size: 25 },
    });
  });

  it('ands every filter, "me" being the signed-in e-mail', () => {
    const filters: CaseFilters = {
      ...defaultFilters,
      queue: { kind: 'queue', id: 'cqueue_1' },
      state: 'resolved',
      status: 'Approved',
      template: 'ctmpl_1',
      assignee: { kind: 'me' },
      tags: ['pep', 'vip'],
      sla: 'due-soon',
      text: ' KYC ',
      page: { kind: 'before', cursor: 'c0' },
    };
    expect(searchRequestOf(filters, me)).toEqual({
      query: {
        and: [
          { attribute: 'case-queue-id', operator: 'eq', value: 'cqueue_1' },
          { attribute: 'resolved', operator: 'eq', value: true },
          { attribute: 'status', operator: 'eq', value: 'Approved' },
          { attribute: 'case-template-id', operator: 'eq', value: 'ctmpl_1' },
          { attribute: 'assignee-id', operator: 'eq', value: me },
          { attribute: 'tags', operator: 'contains', value: 'pep' },
          { attribute: 'tags', operator: 'contains', value: 'vip' },
          { attribute: 'sla-state', operator: 'eq', value: 'due-soon' },
          { attribute: 'name', operator: 'contains', value: 'KYC' },
        ],
      },
      sort: [{ attribute: 'updated-at', direction: 'desc' }],
      page: { size: 25, before: 'c0' },
    });
  });

  it('asks for cases without a queue or an assignee by their absence', () => {
    const filters = {
      ...defaultFilters,
      state: 'all' as const,
      queue: { kind: 'none' as const },
      assignee: { kind: 'unassigned' as const },
    };
    expect(searchRequestOf(filters, me).query).toEqual({
      and: [
        { attribute: 'case-queue-id', operator: 'exists', value: false },
        { attribute: 'assignee-id', operator: 'exists', value: false },
      ],
    });
  });
});
