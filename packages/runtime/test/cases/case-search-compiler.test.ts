import type { CaseSearchQuery } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { compileCaseQuery, escapeRegex } from '../../src/cases/case-search-compiler.ts';
import {
  afterPosition,
  decodeCursor,
  encodeCursor,
  sortKeys,
  type SortKey,
} from '../../src/cases/case-search-cursor.ts';
import type { StoredCaseDocument } from '../../src/cases/case-collections.ts';

const now = new Date('2026-12-01T12:00:00Z');
const compile = (query: CaseSearchQuery) => compileCaseQuery(query, now);
const filterOf = (query: CaseSearchQuery) => {
  const result = compile(query);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.filter;
};
const issuesOf = (query: CaseSearchQuery) => {
  const result = compile(query);
  return result.ok ? [] : result.issues;
};

// The compiler alone (pure): what each condition becomes, and every refusal with its pointer. The integration tests
// (case-search.test.ts) check what the store answers for the same queries.
describe('search query compiler', () => {
  it('compiles no query to every case, and boolean nodes to $and / $or / $nor', () => {
    expect(compileCaseQuery(undefined, now)).toEqual({ ok: true, filter: {} });
    expect(
      filterOf({
        and: [
          { attribute: 'status', operator: 'eq', value: 'Open' },
          {
            or: [
              { attribute: 'tags', operator: 'contains', value: 'vip' },
              { not: { attribute: 'resolved', operator: 'eq', value: true } },
            ],
          },
        ],
      }),
    ).toEqual({
      $and: [
        { status: { $eq: 'Open' } },
        { $or: [{ tags: { $eq: 'vip' } }, { $nor: [{ resolvedAt: { $ne: null } }] }] },
      ],
    });
  });

  it.each<[string, CaseSearchQuery, object]>([
    [
      'queue in',
      { attribute: 'case-queue-id', operator: 'in', value: ['q1', 'q2'] },
      { queueId: { $in: ['q1', 'q2'] } },
    ],
    ['unassigned', { attribute: 'assignee-id', operator: 'exists', value: false }, { assigneeId: null }],
    ['object attached', { attribute: 'object-id', operator: 'eq', value: 'inq_1' }, { objectIds: { $eq: 'inq_1' } }],
    ['tags none of', { attribute: 'tags', operator: 'nin', value: ['a'] }, { tags: { $nin: ['a'] } }],
    [
      'created since',
      { attribute: 'created-at', operator: 'gte', value: '2026-11-01T00:00:00+01:00' },
      { createdAt: { $gte: new Date('2026-10-31T23:00:00Z') } },
    ],
    ['number field', { attribute: 'fields.amount', operator: 'gt', value: 100 }, { 'fields.amount': { $gt: 100 } }],
    [
      'camelCase field',
      { attribute: 'fields.userId', operator: 'eq', value: 'u1' },
      { 'fields.userId': { $eq: 'u1' } },
    ],
    ['field set', { attribute: 'fields.note', operator: 'exists', value: true }, { 'fields.note': { $ne: null } }],
    ['breached', { attribute: 'sla-state', operator: 'eq', value: 'breached' }, { slaExpiredAt: { $ne: null } }],
    [
      'due soon: running and within the hour',
      { attribute: 'sla-state', operator: 'eq', value: 'due-soon' },
      { slaExpiresAt: { $ne: null, $lte: new Date('2026-12-01T13:00:00Z') }, slaExpiredAt: null, resolvedAt: null },
    ],
  ])('%s', (_, query, filter) => {
    expect(filterOf(query)).toEqual(filter);
  });

  it('matches name text literally, ignoring case: a pattern in the text is escaped, never run', () => {
    expect(filterOf({ attribute: 'name', operator: 'contains', value: 'kyc-1.*(' })).toEqual({
      name: { $regex: 'kyc\\-1\\.\\*\\(', $options: 'i' },
    });
    const text = 'a.b*c+d?e^f$g(h)i[j]k{l}m|n\\o/p q\u0000r\ns-t#';
    const escaped = escapeRegex(text);
    expect(escaped).not.toContain('\u0000');
    expect(new RegExp(`^${escaped}$`).test(text)).toBe(true);
    expect(new RegExp(escaped).test(text.replace('.', 'X'))).toBe(false);
  });

  it('keeps user values as operands: an operator-shaped value is a string to compare, not an operator', () => {
    expect(filterOf({ attribute: 'status', operator: 'eq', value: '{"$ne":null}' })).toEqual({
      status: { $eq: '{"$ne":null}' },
    });
    expect(filterOf({ attribute: 'fields.amount', operator: 'in', value: ['$where', 1] })).toEqual({
      'fields.amount': { $in: ['$where', 1] },
    });
  });

  it.each<[string, CaseSearchQuery, { pointer: string; message: RegExp }]>([
    [
      'operator the attribute lacks',
      { attribute: 'status', operator: 'gt', value: 'a' },
      { pointer: '/query/operator', message: /status takes eq, ne, in, nin/ },
    ],
    [
      'list where one value goes',
      { attribute: 'status', operator: 'eq', value: ['a'] },
      { pointer: '/query/value', message: /string/ },
    ],
    [
      'one value where a list goes',
      { attribute: 'tags', operator: 'in', value: 'a' },
      { pointer: '/query/value', message: /list/ },
    ],
    [
      'a date that is no date',
      { attribute: 'updated-at', operator: 'lt', value: 'yesterday' },
      { pointer: '/query/value', message: /ISO 8601/ },
    ],
    [
      'unknown SLA state',
      { attribute: 'sla-state', operator: 'in', value: ['late'] },
      { pointer: '/query/value', message: /none, running, breached, due-soon/ },
    ],
    [
      'exists takes a boolean',
      { attribute: 'case-queue-id', operator: 'exists', value: 'yes' },
      { pointer: '/query/value', message: /true or false/ },
    ],
    [
      'a leaf without operator',
      { attribute: 'status', value: 'a' },
      { pointer: '/query/operator', message: /required/ },
    ],
    [
      'two forms at once',
      { and: [{ attribute: 'status', operator: 'eq', value: 'a' }], attribute: 'name' },
      { pointer: '/query', message: /exactly one/ },
    ],
    ['an empty node', {}, { pointer: '/query', message: /exactly one/ }],
  ])('refuses %s, pointing at it', (_, query, expected) => {
    const [issue, ...rest] = issuesOf(query);
    expect(rest).toEqual([]);
    expect(issue?.pointer).toBe(expected.pointer);
    expect(issue?.message).toMatch(expected.message);
  });

  it('points into nested nodes and reports every problem', () => {
    const issues = issuesOf({
      or: [
        { attribute: 'status', operator: 'eq', value: 'a' },
        {
          and: [
            { attribute: 'name', operator: 'contains', value: 'x' },
            { attribute: 'resolved', operator: 'eq', value: 'no' },
          ],
        },
        { not: { attribute: 'tags', operator: 'gte', value: 'x' } },
      ],
    });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/query/or/1/and/1/value', '/query/or/2/not/operator']);
  });

  it('bounds depth and the number of conditions', () => {
    let deep: CaseSearchQuery = { attribute: 'status', operator: 'eq', value: 'a' };
    for (let i = 0; i < 8; i++) deep = { not: deep };
    expect(issuesOf(deep)).toEqual([{ pointer: `/query${'/not'.repeat(8)}`, message: 'nests deeper than 8 levels' }]);
    const leaf: CaseSearchQuery = { attribute: 'status', operator: 'eq', value: 'a' };
    const wide = { or: Array.from({ length: 51 }, () => ({ and: [leaf, leaf] })) };
    expect(issuesOf(wide)).toEqual([{ pointer: '/query', message: 'has 102 conditions; at most 100' }]);
    expect(issuesOf({ or: Array.from({ length: 50 }, () => ({ and: [leaf, leaf] })) })).toEqual([]);
  });
});

describe('search sort and cursors', () => {
  const keysOf = (sort: Parameters<typeof sortKeys>[0]): SortKey[] => {
    const result = sortKeys(sort);
    if ('issues' in result) throw new Error('unexpected issues');
    return result.keys;
  };
  const doc = (values: Partial<StoredCaseDocument>) => ({ _id: 'case_b', ...values }) as StoredCaseDocument;

  it('sorts newest first by default and breaks ties by case id', () => {
    expect(keysOf(undefined).map((key) => [key.field, key.direction])).toEqual([
      ['createdAt', -1],
      ['_id', -1],
    ]);
  });

  it('refuses a key given twice', () => {
    expect(
      sortKeys([
        { attribute: 'name', direction: 'asc' },
        { attribute: 'name', direction: 'desc' },
      ]),
    ).toEqual({ issues: [{ pointer: '/sort/1/attribute', message: 'sorts by name a second time' }] });
  });

  it('round-trips a position, and refuses a cursor of another sort or a forged one', () => {
    const keys = keysOf([{ attribute: 'sla-expires-at', direction: 'asc' }]);
    const at = new Date('2026-12-01T00:00:00Z');
    const cursor = encodeCursor(keys, doc({ slaExpiresAt: at }));
    expect(decodeCursor(keys, cursor, '/page/after')).toEqual({ values: [at, 'case_b'] });
    expect(decodeCursor(keys, encodeCursor(keys, doc({ slaExpiresAt: null })), '/page/after')).toEqual({
      values: [null, 'case_b'],
    });
    const other = keysOf([{ attribute: 'sla-expires-at', direction: 'desc' }]);
    expect(decodeCursor(other, cursor, '/page/after')).toMatchObject({ issue: { pointer: '/page/after' } });
    expect(decodeCursor(keys, 'not-a-cursor', '/page/before')).toMatchObject({ issue: { pointer: '/page/before' } });
    const forged = Buffer.from(JSON.stringify({ s: 'slaExpiresAt:1,_id:1', v: [{ $gt: '' }, 'x'] })).toString(
      'base64url',
    );
    expect(decodeCursor(keys, forged, '/page/after')).toMatchObject({ issue: { pointer: '/page/after' } });
  });

  it('continues after a position: equal on earlier keys, beyond on the next; nulls first ascending', () => {
    const keys = keysOf([{ attribute: 'sla-expires-at', direction: 'asc' }]);
    const at = new Date('2026-12-01T00:00:00Z');
    expect(afterPosition(keys, [at, 'case_b'])).toEqual({
      $or: [{ slaExpiresAt: { $gt: at } }, { slaExpiresAt: at, _id: { $gt: 'case_b' } }],
    });
    expect(afterPosition(keys, [null, 'case_b'])).toEqual({
      $or: [{ slaExpiresAt: { $ne: null } }, { slaExpiresAt: null, _id: { $gt: 'case_b' } }],
    });
    // Backward from there: smaller values and the nulls, which sort first.
    expect(afterPosition(keys, [at, 'case_b'], true)).toEqual({
      $or: [
        { $or: [{ slaExpiresAt: { $lt: at } }, { slaExpiresAt: null }] },
        { slaExpiresAt: at, _id: { $lt: 'case_b' } },
      ],
    });
  });
});
