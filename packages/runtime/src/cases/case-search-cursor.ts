import type { CaseSearchSort, SearchSortAttribute } from '@casework/shared';
import type { UnprocessableIssue } from '../platform/errors.ts';
import type { CaseFilter } from './case-search-compiler.ts';
import type { StoredCaseDocument } from './case-collections.ts';

// Sort and keyset cursors of `POST /cases/search` (docs/architecture.md, "Search"). Pure. A cursor is the position
// of a case in the sort order, its sort values and its id (the last key, so every position is unique): the next
// page is "everything after that position", which stays right while cases are created, changed or deleted (a case
// whose sort value changes moves, as it would on any sorted list). Opaque to clients: base64url of JSON.

type SortField = 'createdAt' | 'updatedAt' | 'resolvedAt' | 'slaExpiresAt' | 'name' | 'status' | '_id';
export interface SortKey {
  field: SortField;
  direction: 1 | -1;
  /** Null sorts first ascending, last descending (MongoDB's order, and mongo-java-server's). */
  nullable: boolean;
  /** Dates travel in cursors as ISO text. */
  date: boolean;
}

const fields: Record<SearchSortAttribute, { field: SortField; nullable: boolean; date: boolean }> = {
  'created-at': { field: 'createdAt', nullable: false, date: true },
  'updated-at': { field: 'updatedAt', nullable: false, date: true },
  'resolved-at': { field: 'resolvedAt', nullable: true, date: true },
  'sla-expires-at': { field: 'slaExpiresAt', nullable: true, date: true },
  name: { field: 'name', nullable: false, date: false },
  status: { field: 'status', nullable: false, date: false },
};

export const defaultSort: CaseSearchSort[] = [{ attribute: 'created-at', direction: 'desc' }];

/** The sort keys of a request, ending with the case id (in the direction of the last key); or the problems. */
export function sortKeys(sort: CaseSearchSort[] = defaultSort): { keys: SortKey[] } | { issues: UnprocessableIssue[] } {
  const issues = sort.flatMap((key, i) =>
    sort.findIndex((other) => other.attribute === key.attribute) < i
      ? [{ pointer: `/sort/${i}/attribute`, message: `sorts by ${key.attribute} a second time` }]
      : [],
  );
  if (issues.length > 0) return { issues };
  const keys: SortKey[] = sort.map((key) => ({
    ...fields[key.attribute],
    direction: key.direction === 'desc' ? -1 : 1,
  }));
  const last = keys.at(-1)?.direction ?? -1;
  return { keys: [...keys, { field: '_id', direction: last, nullable: false, date: false }] };
}

export const mongoSort = (keys: SortKey[], reverse = false): Record<string, 1 | -1> =>
  Object.fromEntries(keys.map((key) => [key.field, reverse ? (-key.direction as 1 | -1) : key.direction]));

/** Names the sort a cursor belongs to, so a cursor of another sort is refused instead of giving a wrong page. */
const signature = (keys: SortKey[]) => keys.map((key) => `${key.field}:${key.direction}`).join(',');

type CursorValue = string | null;
interface CursorBody {
  s: string;
  v: CursorValue[];
}

export function encodeCursor(keys: SortKey[], doc: StoredCaseDocument): string {
  const values = keys.map((key) => {
    const value = doc[key.field] as Date | string | null;
    return value instanceof Date ? value.toISOString() : value;
  });
  const body: CursorBody = { s: signature(keys), v: values };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The sort values a cursor holds, or a problem (`pointer`: where the cursor was given). */
export function decodeCursor(
  keys: SortKey[],
  cursor: string,
  pointer: string,
): { values: (Date | string | null)[] } | { issue: UnprocessableIssue } {
  const bad = { issue: { pointer, message: 'is not a cursor of this search; use meta.page-after / page-before' } };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return bad;
  }
  const { s, v } = (body ?? {}) as Partial<CursorBody>;
  if (s !== signature(keys) || !Array.isArray(v) || v.length !== keys.length) {
    return { issue: { pointer, message: 'belongs to another sort order; start again from the first page' } };
  }
  const values: (Date | string | null)[] = [];
  for (const [i, key] of keys.entries()) {
    const value: unknown = v[i];
    if (value === null && key.nullable) values.push(null);
    else if (typeof value !== 'string' || value.length > 1000) return bad;
    else if (!key.date) values.push(value);
    else if (Number.isNaN(Date.parse(value))) return bad;
    else values.push(new Date(value));
  }
  return { values };
}

/**
 * The cases strictly after `values` in the order of `keys` (reversed: strictly before): for each key, the cases
 * equal on the keys before it and beyond it on this one. Nulls sort first ascending, so beyond a null ascending is
 * any value, and beyond a value descending includes the nulls.
 */
export function afterPosition(keys: SortKey[], values: (Date | string | null)[], reverse = false): CaseFilter {
  const branches: CaseFilter[] = [];
  for (const [i, key] of keys.entries()) {
    const equalBefore = Object.fromEntries(keys.slice(0, i).map((k, j) => [k.field, values[j] ?? null]));
    const value = values[i] ?? null;
    const ascending = (key.direction === 1) !== reverse;
    let beyond: CaseFilter | null;
    if (ascending) {
      beyond = value === null ? { [key.field]: { $ne: null } } : { [key.field]: { $gt: value } };
    } else if (value === null) {
      beyond = null; // nothing sorts after a null descending
    } else {
      const lower = { [key.field]: { $lt: value } };
      beyond = key.nullable ? { $or: [lower, { [key.field]: null }] } : lower;
    }
    if (beyond) branches.push({ ...equalBefore, ...beyond } as CaseFilter);
  }
  return { $or: branches };
}
