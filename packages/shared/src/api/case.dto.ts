import { z } from 'zod';
import { multiLine, singleLine } from './text.ts';
import { eventNames } from '../cases/case-events.ts';
import { MAX_OBJECTS_PER_CASE } from '../cases/object-ids.ts';
import { fieldTypes } from '../cases/field-schema.ts';
import { MAX_SLA_SECONDS } from './case-template.dto.ts';
import { isoDateTime, pageLinksSchema, pageQueryOf, resourceSchema, toMany, toOne } from './jsonapi.ts';

export const actorTypes = ['api-key', 'user', 'workflow-run'] as const;
const actorType = z.enum(actorTypes).nullable();
// The part before the @ is at most 64 characters (RFC 5321), as JSON Schema's `email` format has it too.
const email = z
  .email()
  .max(320)
  .regex(/^[^@]{1,64}@/, 'must have at most 64 characters before the @');

export const caseAttributesSchema = z.object({
  status: z.string(),
  name: z.string().meta({ example: 'KYC-17' }),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
  'resolved-at': isoDateTime.nullable(),
  'assigned-at': isoDateTime.nullable(),
  'redacted-at': isoDateTime.nullable(),
  'sla-expires-at': isoDateTime.nullable(),
  'sla-expired-at': isoDateTime.nullable(),
  'creator-id': z.string().nullable(),
  'creator-type': actorType,
  'assignee-id': z.string().nullable(),
  'assigner-id': z.string().nullable(),
  'assigner-type': actorType,
  'resolver-id': z.string().nullable(),
  'resolver-type': actorType,
  'updater-id': z.string().nullable(),
  'updater-type': actorType,
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.object({ type: z.enum(fieldTypes), value: z.unknown() })),
});

export const caseRelationshipsSchema = z.object({
  'case-template': toOne('case-template'),
  'case-queue': toOne('case-queue'),
  inquiries: toMany('inquiry'),
  reports: toMany('report'),
  verifications: toMany('verification'),
  transactions: toMany('transaction'),
  accounts: toMany('account'),
  documents: toMany('document'),
  'workflow-runs': toMany('workflow-run'),
});

const exampleKeyId = 'key_GV4o40nJdVQMq-FT5xHdaEHr';
const none = { data: [] };

export const caseResourceSchema = resourceSchema('case', caseAttributesSchema, caseRelationshipsSchema).meta({
  id: 'Case',
  example: {
    type: 'case',
    id: 'case_P7J9obVfPMzfmbhS3SGyiel7',
    attributes: {
      status: 'approved',
      name: 'KYC-17',
      'created-at': '2026-11-25T19:44:22.113Z',
      'updated-at': '2026-11-25T19:44:25.199Z',
      'resolved-at': '2026-11-25T19:44:25.199Z',
      'assigned-at': null,
      'redacted-at': null,
      'sla-expires-at': '2026-11-25T21:44:22.113Z',
      'sla-expired-at': null,
      'creator-id': 'ops@example.com',
      'creator-type': 'user',
      'assignee-id': null,
      'assigner-id': null,
      'assigner-type': null,
      'resolver-id': exampleKeyId,
      'resolver-type': 'api-key',
      'updater-id': exampleKeyId,
      'updater-type': 'api-key',
      tags: ['high-value'],
      fields: { amount: { type: 'number', value: 120.5 }, country: { type: 'choice', value: 'DE' } },
    },
    relationships: {
      'case-template': { data: { type: 'case-template', id: 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8O3L' } },
      'case-queue': { data: { type: 'case-queue', id: 'cqueue_P7JECHSPLXBBpetXOGppKe9w' } },
      inquiries: { data: [{ type: 'inquiry', id: 'inq_5cNxZX3vMy7ACoqYbHQBbNyA' }] },
      reports: { data: [{ type: 'report', id: 'rep_Q2FzZXdvcmsgaXMgZ3JlYXQh' }] },
      verifications: none,
      transactions: none,
      accounts: none,
      documents: none,
      'workflow-runs': none,
    },
  },
});
export const caseDocumentSchema = z.object({
  data: caseResourceSchema,
  included: z.array(z.object({ type: z.string(), id: z.string(), attributes: z.unknown() })).optional(),
});
export const caseListSchema = z.object({ data: z.array(caseResourceSchema), links: pageLinksSchema });

const objectIds = z
  .array(z.string().min(1).max(120))
  .max(MAX_OBJECTS_PER_CASE)
  .meta({ example: ['inq_5cNxZX3vMy7ACoqYbHQBbNyA'] });
const slaExpiresIn = z.number().int().min(1).max(MAX_SLA_SECONDS).meta({ example: 7200 });
/** Case field input: key → plain value, validated against the template by the service. */
const fieldsInput = z.record(z.string().max(64), z.unknown()).meta({ example: { amount: 120.5 } });

export const createCaseRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        'case-template-id': z.string().min(1).max(100).meta({ example: 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8O3L' }),
        'creator-email-address': email.optional(),
        'case-queue-id': z.string().min(1).max(100).nullable().optional(),
        fields: fieldsInput.optional(),
      }),
    }),
    meta: z
      .strictObject({ 'object-ids': objectIds.optional(), 'sla-expires-in-seconds': slaExpiresIn.optional() })
      .optional(),
  })
  .meta({
    id: 'CreateCaseRequest',
    example: {
      data: {
        attributes: {
          'case-template-id': 'ctmpl_P7JEC4FQ8mdBpoDRIy5f8O3L',
          'case-queue-id': 'cqueue_P7JECHSPLXBBpetXOGppKe9w',
          'creator-email-address': 'ops@example.com',
          fields: { amount: 120.5, country: 'DE' },
        },
      },
      meta: { 'object-ids': ['inq_5cNxZX3vMy7ACoqYbHQBbNyA'], 'sla-expires-in-seconds': 7200 },
    },
  });

export const updateCaseRequestSchema = z
  .strictObject({
    data: z
      .strictObject({
        attributes: z
          .strictObject({
            fields: fieldsInput.optional(),
            'case-queue-id': z.string().min(1).max(100).nullable().optional(),
          })
          .optional(),
      })
      .optional(),
    meta: z.strictObject({ 'sla-expires-in-seconds': slaExpiresIn.nullable().optional() }).optional(),
  })
  .meta({
    id: 'UpdateCaseRequest',
    example: {
      data: { attributes: { fields: { amount: 99 }, 'case-queue-id': null } },
      meta: { 'sla-expires-in-seconds': 3600 },
    },
  });

export const caseObjectsRequestSchema = z
  .strictObject({ meta: z.strictObject({ 'object-ids': objectIds.min(1) }) })
  .meta({ example: { meta: { 'object-ids': ['rep_Q2FzZXdvcmsgaXMgZ3JlYXQh', 'ver_5cNxZX3vMy7ACoqYbHQBbNyA'] } } });
export const assignCaseRequestSchema = z
  .strictObject({ meta: z.strictObject({ 'user-email-address': email }) })
  .meta({ example: { meta: { 'user-email-address': 'analyst@example.com' } } });
export const setCaseStatusRequestSchema = z
  .strictObject({ meta: z.strictObject({ status: singleLine(64).meta({ example: 'approved' }) }) })
  .meta({ example: { meta: { status: 'approved' } } });
// Tags are labels: printable text, no control characters (NUL and friends).
const tagName = singleLine(100, { trim: true });
export const caseTagRequestSchema = z
  .strictObject({ meta: z.strictObject({ 'tag-name': tagName }) })
  .meta({ example: { meta: { 'tag-name': 'high-value' } } });
export const setCaseTagsRequestSchema = z
  .strictObject({ meta: z.strictObject({ 'tag-name': z.array(tagName).max(100) }) })
  .meta({ example: { meta: { 'tag-name': ['high-value', 'pep'] } } });

export const createCommentRequestSchema = z
  .strictObject({
    data: z.strictObject({
      attributes: z.strictObject({
        body: multiLine(10_000).trim().min(1),
        'author-email-address': email.optional(),
      }),
    }),
  })
  .meta({
    example: {
      data: {
        attributes: { body: 'Asked the customer for a utility bill.', 'author-email-address': 'analyst@example.com' },
      },
    },
  });

export const caseListQuerySchema = z.strictObject({
  ...pageQueryOf('case'),
  'filter[status]': z.string().max(64).optional(),
  'filter[case-template-id]': z.string().max(100).optional(),
  'filter[case-queue-id]': z.string().max(100).optional(),
  'filter[assignee-id]': z.string().max(320).optional(),
  'filter[object-id]': z.string().max(120).optional(),
  'filter[sla-expired]': z.enum(['true', 'false']).optional(),
});

export const caseIncludeQuerySchema = z.strictObject({
  include: z
    .string()
    .regex(/^(case-template|case-queue)(,(case-template|case-queue))*$/, 'must list case-template and/or case-queue')
    .optional(),
});

export const eventAttributesSchema = z.object({
  name: z.enum(eventNames),
  'created-at': isoDateTime,
  /** The case the event happened to; null for events of workflow runs. */
  'case-id': z.string().nullable(),
  /** The workflow run the event is about (`workflow-run.*`); null for case events. */
  'workflow-run-id': z.string().nullable(),
  'actor-id': z.string().nullable(),
  'actor-type': actorType,
  payload: z.record(z.string(), z.unknown()),
});
export const eventResourceSchema = resourceSchema('event', eventAttributesSchema).meta({
  id: 'Event',
  example: {
    type: 'event',
    id: 'evt_P7JEDOjFy3OYRcfdykT8lU31',
    attributes: {
      name: 'case.status-updated',
      'created-at': '2026-11-25T19:44:25.199Z',
      'case-id': 'case_P7J9obVfPMzfmbhS3SGyiel7',
      'workflow-run-id': null,
      'actor-id': exampleKeyId,
      'actor-type': 'api-key',
      payload: { from: 'in-review', to: 'approved' },
    },
  },
});
export const eventListSchema = z.object({ data: z.array(eventResourceSchema), links: pageLinksSchema });
export const eventListQuerySchema = z.strictObject({
  ...pageQueryOf('event'),
  'filter[name]': z.enum(eventNames).optional(),
  'filter[case-id]': z.string().max(100).optional(),
  'filter[since]': z.iso.datetime({ offset: true }).optional(),
});

/** `GET /events/stream`: which live events a client wants (all given filters must match). */
export const eventStreamQuerySchema = z.strictObject({
  'filter[name]': z.enum(eventNames).optional(),
  'filter[case-id]': z.string().max(100).optional(),
  'filter[queue-id]': z.string().max(100).optional(),
  'filter[template-id]': z.string().max(100).optional(),
});

export type CaseResource = z.infer<typeof caseResourceSchema>;
export type CreateCaseRequest = z.infer<typeof createCaseRequestSchema>;
export type UpdateCaseRequest = z.infer<typeof updateCaseRequestSchema>;
export type EventResource = z.infer<typeof eventResourceSchema>;
export type ActorType = (typeof actorTypes)[number];
