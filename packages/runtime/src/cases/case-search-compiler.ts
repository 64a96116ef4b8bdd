import {
  fieldSearchOperators,
  searchAttributeOperators,
  searchLimits,
  slaStates,
  type CaseSearchQuery,
  type SearchAttribute,
  type SearchOperator,
  type SlaState,
} from '@casework/shared';
import type { Filter } from 'mongodb';
import type { UnprocessableIssue } from '../platform/errors.ts';
import type { StoredCaseDocument } from './case-collections.ts';

// The query of `POST /cases/search` → a MongoDB filter (docs/architecture.md, "Search"). Pure: no I/O, the clock is
// an argument. User values only ever land as operands of the operators chosen here (`$eq`, `$in`, `$gt`, …), never as
// keys or operators, and `contains` escapes its text before it becomes a pattern: no operator injection, no regex.
// Only operators both MongoDB and the embedded store (mongo-java-server) evaluate alike are used.

export type CaseFilter = Filter<StoredCaseDocument>;
type Scalar = string | number | boolean;
type Value = CaseSearchQuery['value'];
export type CompiledQuery = { ok: true; filter: CaseFilter } | { ok: false; issues: UnprocessableIssue[] };

const DUE_SOON_MS = 60 * 60 * 1000;

/** Stored field of each plain attribute. */
const storedField = {
  status: 'status',
  'case-template-id': 'templateId',
  'case-queue-id': 'queueId',
  'assignee-id': 'assigneeId',
  'object-id': 'objectIds',
  tags: 'tags',
  name: 'name',
  'created-at': 'createdAt',
  'updated-at': 'updatedAt',
  'resolved-at': 'resolvedAt',
  'sla-expires-at': 'slaExpiresAt',
} as const;

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Text matched literally: every character a pattern could read as syntax is escaped, and control characters are
 * spelled `\xHH` (MongoDB refuses a pattern holding a NUL byte).
 */
export const escapeRegex = (text: string) =>
  // eslint-disable-next-line no-control-regex -- spelling control characters out is the point
  text.replace(/[\\^$.*+?()[\]{}|/#\s\u0000-\u001f\u007f-]/g, (char) =>
    char < ' ' || char === '\u007f' ? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\${char}`,
  );
const containsText = (text: string) => ({ $regex: escapeRegex(text), $options: 'i' });

class Problems {
  readonly issues: UnprocessableIssue[] = [];
  add(pointer: string, message: string): null {
    this.issues.push({ pointer, message });
    return null;
  }
}

const isScalar = (value: Value): value is Scalar => value !== undefined && !Array.isArray(value);

/** Compiles a query (absent: every case) at `now`, or lists every problem with its pointer. */
export function compileCaseQuery(query: CaseSearchQuery | undefined, now: Date, pointer = '/query'): CompiledQuery {
  if (!query) return { ok: true, filter: {} };
  const problems = new Problems();
  const leaves = { count: 0 };
  const filter = compileNode(query, pointer, 1, { problems, now, leaves });
  if (leaves.count > searchLimits.leaves) {
    problems.add(pointer, `has ${leaves.count} conditions; at most ${searchLimits.leaves}`);
  }
  return problems.issues.length > 0 || !filter ? { ok: false, issues: problems.issues } : { ok: true, filter };
}

interface Context {
  problems: Problems;
  now: Date;
  leaves: { count: number };
}

function compileNode(node: CaseSearchQuery, at: string, depth: number, ctx: Context): CaseFilter | null {
  const forms = (['and', 'or', 'not'] as const).filter((key) => node[key] !== undefined);
  const leafKeys = (['attribute', 'operator', 'value'] as const).filter((key) => node[key] !== undefined);
  if (forms.length + (leafKeys.length > 0 ? 1 : 0) !== 1) {
    return ctx.problems.add(at, 'must have exactly one of and, or, not, or a condition (attribute, operator, value)');
  }
  if (depth > searchLimits.depth) return ctx.problems.add(at, `nests deeper than ${searchLimits.depth} levels`);
  if (node.and || node.or) {
    const key = node.and ? 'and' : 'or';
    const parts = (node.and ?? node.or ?? []).map((child, i) =>
      compileNode(child, `${at}/${key}/${i}`, depth + 1, ctx),
    );
    if (parts.some((part) => part === null)) return null;
    return { [`$${key}`]: parts } as CaseFilter;
  }
  if (node.not) {
    const inner = compileNode(node.not, `${at}/not`, depth + 1, ctx);
    // `$nor` of one: MongoDB has no top-level `$not`.
    return inner && { $nor: [inner] };
  }
  ctx.leaves.count++;
  return compileLeaf(node, at, ctx);
}

function compileLeaf(node: CaseSearchQuery, at: string, ctx: Context): CaseFilter | null {
  const { attribute, operator, value } = node;
  const { problems } = ctx;
  if (attribute === undefined) return problems.add(`${at}/attribute`, 'is required in a condition');
  if (operator === undefined) return problems.add(`${at}/operator`, 'is required in a condition');
  if (value === undefined) return problems.add(`${at}/value`, 'is required in a condition');
  const allowed: readonly SearchOperator[] = attribute.startsWith('fields.')
    ? fieldSearchOperators
    : (searchAttributeOperators[attribute as SearchAttribute] ?? []);
  if (!allowed.includes(operator)) {
    return problems.add(`${at}/operator`, `${attribute} takes ${allowed.join(', ')}; not ${operator}`);
  }
  const valueAt = `${at}/value`;
  if (attribute.startsWith('fields.')) return fieldCondition(attribute, operator, value, valueAt, problems);
  switch (attribute as SearchAttribute) {
    case 'status':
    case 'case-template-id':
    case 'case-queue-id':
    case 'assignee-id':
    case 'object-id':
    case 'tags':
    case 'name':
      return textCondition(storedField[attribute as keyof typeof storedField], operator, value, valueAt, problems);
    case 'created-at':
    case 'updated-at':
    case 'resolved-at':
    case 'sla-expires-at':
      return dateCondition(storedField[attribute as keyof typeof storedField], operator, value, valueAt, problems);
    case 'resolved':
      if (typeof value !== 'boolean') return problems.add(valueAt, 'must be true or false');
      return { resolvedAt: value ? { $ne: null } : null };
    case 'sla-state':
      return slaCondition(operator, value, valueAt, ctx);
  }
}

function existsCondition(field: string, value: Value, at: string, problems: Problems): CaseFilter | null {
  if (typeof value !== 'boolean') return problems.add(at, 'must be true or false');
  return { [field]: value ? { $ne: null } : null } as CaseFilter;
}

function stringList(value: Value, at: string, problems: Problems): string[] | null {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return problems.add(at, 'must be a list of strings');
  }
  return value as string[];
}

/** Ids, statuses, tags and names: compared exactly (case-sensitively), `contains` ignoring case. */
function textCondition(field: string, operator: SearchOperator, value: Value, at: string, problems: Problems) {
  if (operator === 'exists') return existsCondition(field, value, at, problems);
  if (operator === 'in' || operator === 'nin') {
    const list = stringList(value, at, problems);
    return list && ({ [field]: { [`$${operator}`]: list } } as CaseFilter);
  }
  if (typeof value !== 'string') return problems.add(at, 'must be a string');
  if (operator === 'contains')
    return { [field]: field === 'tags' ? { $eq: value } : containsText(value) } as CaseFilter;
  return { [field]: operator === 'ne' ? { $ne: value } : { $eq: value } } as CaseFilter;
}

function dateCondition(field: string, operator: SearchOperator, value: Value, at: string, problems: Problems) {
  if (operator === 'exists') return existsCondition(field, value, at, problems);
  if (typeof value !== 'string' || !isoDateTime.test(value) || Number.isNaN(Date.parse(value))) {
    return problems.add(at, 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z');
  }
  return { [field]: { [`$${operator}`]: new Date(value) } } as CaseFilter;
}

/**
 * `fields.<key>`: the stored plain value, compared as MongoDB compares (a number only with numbers, text only with
 * text: dates of `date` fields compare as text, which orders YYYY-MM-DD correctly). An array field (multi-choice,
 * string-array) matches when any item does.
 */
function fieldCondition(attribute: string, operator: SearchOperator, value: Value, at: string, problems: Problems) {
  const field = `fields.${attribute.slice('fields.'.length)}`;
  switch (operator) {
    case 'exists':
      return existsCondition(field, value, at, problems);
    case 'in':
      if (!Array.isArray(value)) return problems.add(at, 'must be a list of values');
      return { [field]: { $in: value } } as CaseFilter;
    case 'contains':
      if (typeof value !== 'string') return problems.add(at, 'must be a string');
      return { [field]: containsText(value) } as CaseFilter;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof value !== 'number' && typeof value !== 'string')
        return problems.add(at, 'must be a number or a string');
      return { [field]: { [`$${operator}`]: value } } as CaseFilter;
    default:
      if (!isScalar(value)) return problems.add(at, 'must be a string, a number or true/false');
      return { [field]: operator === 'ne' ? { $ne: value } : { $eq: value } } as CaseFilter;
  }
}

function slaStateFilter(state: SlaState, now: Date): CaseFilter {
  const running: CaseFilter = { slaExpiresAt: { $ne: null }, slaExpiredAt: null, resolvedAt: null };
  switch (state) {
    case 'none':
      return { slaExpiresAt: null };
    case 'running':
      return running;
    case 'breached':
      return { slaExpiredAt: { $ne: null } };
    case 'due-soon':
      return { ...running, slaExpiresAt: { $ne: null, $lte: new Date(now.getTime() + DUE_SOON_MS) } };
  }
}

function slaCondition(operator: SearchOperator, value: Value, at: string, ctx: Context): CaseFilter | null {
  const isState = (item: unknown): item is SlaState => slaStates.includes(item as SlaState);
  const message = `must be one of ${slaStates.join(', ')}`;
  if (operator === 'eq') {
    return isState(value) ? slaStateFilter(value, ctx.now) : ctx.problems.add(at, message);
  }
  if (!Array.isArray(value) || !value.every(isState)) return ctx.problems.add(at, `must be a list; each ${message}`);
  return { $or: value.map((state) => slaStateFilter(state, ctx.now)) };
}
