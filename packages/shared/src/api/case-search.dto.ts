import { z } from 'zod';
import { caseResourceSchema } from './case.dto.ts';

// `POST /cases/search` (docs/architecture.md, "Search"): a boolean query over cases, sorted, in cursor pages. The
// schemas below state the shapes (a 400 when broken, pointing at the spot); which operator an attribute takes, and
// which value an operator takes, are rules of the query compiler (packages/runtime/src/cases/case-search-compiler.ts,
// a 422 pointing at the spot), because the OpenAPI document cannot say them without a union per attribute.

/** The attributes a query leaf may name, besides `fields.<key>`, with the operators each takes. */
export const searchAttributeOperators = {
  status: ['eq', 'ne', 'in', 'nin'],
  'case-template-id': ['eq', 'ne', 'in', 'nin'],
  'case-queue-id': ['eq', 'ne', 'in', 'nin', 'exists'],
  'assignee-id': ['eq', 'ne', 'in', 'nin', 'exists'],
  'object-id': ['eq', 'ne', 'in', 'nin'],
  tags: ['contains', 'in', 'nin'],
  name: ['contains', 'eq'],
  'sla-state': ['eq', 'in'],
  resolved: ['eq'],
  'created-at': ['gt', 'gte', 'lt', 'lte', 'exists'],
  'updated-at': ['gt', 'gte', 'lt', 'lte', 'exists'],
  'resolved-at': ['gt', 'gte', 'lt', 'lte', 'exists'],
  'sla-expires-at': ['gt', 'gte', 'lt', 'lte', 'exists'],
} as const satisfies Record<string, readonly SearchOperator[]>;

export const searchOperators = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists'] as const;
export type SearchOperator = (typeof searchOperators)[number];
/** The operators of a `fields.<key>` leaf. */
export const fieldSearchOperators: readonly SearchOperator[] = [
  'eq',
  'ne',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
];
export type SearchAttribute = keyof typeof searchAttributeOperators;

/** `sla-state` values: no SLA, running (set, not expired, unresolved), breached (expired), due soon (within an hour). */
export const slaStates = ['none', 'running', 'breached', 'due-soon'] as const;
export type SlaState = (typeof slaStates)[number];

export const searchSortAttributes = [
  'created-at',
  'updated-at',
  'resolved-at',
  'sla-expires-at',
  'name',
  'status',
] as const;
export type SearchSortAttribute = (typeof searchSortAttributes)[number];

export const searchLimits = {
  /** Nesting of `and` / `or` / `not` (a lone leaf is depth 1). */
  depth: 8,
  leaves: 100,
  /** Values of one `in` / `nin`, and items of one `and` / `or`. */
  items: 100,
  text: 200,
  sortKeys: 3,
  pageSize: 100,
  defaultPageSize: 25,
} as const;

const fieldKey = '[A-Za-z][A-Za-z0-9_-]{0,63}';
/** A known attribute or `fields.<key>` with a template field key (packages/shared/src/cases/field-schema.ts). */
export const searchAttributePattern = new RegExp(
  `^(?:${Object.keys(searchAttributeOperators)
    .map((name) => name.replace(/-/g, '\\-'))
    .join('|')}|fields\\.${fieldKey})$`,
);

const scalar = z.union([z.string().max(searchLimits.text), z.number(), z.boolean()]);

export interface CaseSearchQuery {
  and?: CaseSearchQuery[] | undefined;
  or?: CaseSearchQuery[] | undefined;
  not?: CaseSearchQuery | undefined;
  attribute?: string | undefined;
  operator?: SearchOperator | undefined;
  value?: string | number | boolean | (string | number | boolean)[] | undefined;
}

/**
 * One node of a query: `{ and: [...] }`, `{ or: [...] }`, `{ not: ... }` or a leaf `{ attribute, operator, value }`.
 * One object with optional keys rather than a union, so a mistake deep inside is pointed at where it is; which keys
 * belong together is checked by the compiler.
 */
export const caseSearchQuerySchema: z.ZodType<CaseSearchQuery> = z
  .strictObject({
    get and() {
      return z.array(caseSearchQuerySchema).min(1).max(searchLimits.items).optional();
    },
    get or() {
      return z.array(caseSearchQuerySchema).min(1).max(searchLimits.items).optional();
    },
    get not() {
      return caseSearchQuerySchema.optional();
    },
    attribute: z
      .string()
      .regex(searchAttributePattern, 'must be a searchable attribute or fields.<key>')
      .optional()
      .meta({ example: 'status' }),
    operator: z.enum(searchOperators).optional(),
    value: z.union([scalar, z.array(scalar).max(searchLimits.items)]).optional(),
  })
  .meta({
    id: 'CaseSearchQuery',
    description:
      'Exactly one of: `and` (all of), `or` (any of), `not`, or a leaf `attribute` + `operator` + `value`. ' +
      'Nested at most 8 deep, at most 100 leaves.',
  });

export const caseSearchSortSchema = z.strictObject({
  attribute: z.enum(searchSortAttributes),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

/** An opaque position in a sorted result, from `meta.page-after` / `meta.page-before`. */
const cursor = z.string().min(1).max(1000);

const caseSearchRequestExample = {
  query: {
    and: [
      { attribute: 'case-queue-id', operator: 'eq', value: 'cqueue_P7JECHSPLXBBpetXOGppKe9w' },
      { attribute: 'status', operator: 'in', value: ['Open', 'Pending Review'] },
      { not: { attribute: 'tags', operator: 'contains', value: 'test' } },
      { attribute: 'fields.amount', operator: 'gte', value: 100 },
    ],
  },
  sort: [{ attribute: 'sla-expires-at', direction: 'asc' }],
  page: { size: 25 },
};

export const caseSearchRequestSchema = z
  .strictObject({
    query: caseSearchQuerySchema.optional(),
    sort: z.array(caseSearchSortSchema).min(1).max(searchLimits.sortKeys).optional(),
    page: z
      .strictObject({
        size: z.number().int().min(1).max(searchLimits.pageSize).default(searchLimits.defaultPageSize),
        after: cursor.optional(),
        before: cursor.optional(),
      })
      .optional(),
  })
  .meta({ id: 'CaseSearchRequest', example: caseSearchRequestExample })
  // No body at all searches every case, newest first.
  .nullable()
  .meta({ example: caseSearchRequestExample });

export const caseSearchResultSchema = z.object({
  data: z.array(caseResourceSchema),
  meta: z.object({
    'page-after': z
      .string()
      .nullable()
      .meta({ description: 'Pass as `page.after` for the next page; null at the end.' }),
    'page-before': z
      .string()
      .nullable()
      .meta({ description: 'Pass as `page.before` for the previous page; null at the start.' }),
  }),
});

export const caseQueueCountsSchema = z.object({
  data: z.array(
    z.object({
      type: z.literal('case-queue-counts'),
      id: z.string().meta({ example: 'cqueue_P7JECHSPLXBBpetXOGppKe9w' }),
      attributes: z.object({
        'open-count': z.number().int().meta({ description: 'Unresolved cases in the queue.' }),
        'breached-count': z.number().int().meta({ description: 'Unresolved cases whose SLA expired.' }),
      }),
    }),
  ),
  meta: z.object({ 'unqueued-open-count': z.number().int() }),
});

export type CaseSearchRequest = z.output<typeof caseSearchRequestSchema>;
export type CaseSearchSort = z.output<typeof caseSearchSortSchema>;
export type CaseSearchResult = z.infer<typeof caseSearchResultSchema>;
export type CaseQueueCounts = z.infer<typeof caseQueueCountsSchema>;
