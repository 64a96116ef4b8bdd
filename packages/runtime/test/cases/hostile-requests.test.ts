import { createHash } from 'node:crypto';
import { fieldValueProblem } from '@casework/shared';
import { BSON } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/platform/http/json-body.plugin.ts';
import { caseAction, createCase, createQueue, createTemplate, uniqueKey } from '../helpers/case-fixtures.ts';
import { eventually } from '../helpers/eventually.ts';
import { expectApiError } from '../helpers/error-format.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The records the hostile requests aim at, made once before them. */
interface Targets {
  template: string;
  takenKey: string;
  archivedTemplate: string;
  queue: string;
  archivedQueue: string;
  kase: string;
  redacted: string;
}

interface Hostile {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** An object is sent as JSON; a string is sent as is (with `contentType`, JSON by default). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** What the answer must name: a body pointer, or a query parameter / header. */
type Source = { pointer: string } | { parameter: string } | { header: string } | null;

type Case = [name: string, status: number, source: Source, request: (x: Targets) => Hostile];

const ID = 'A'.repeat(24);
const deepArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const attributes = (x: Targets, extra: Record<string, unknown> = {}) => ({
  'case-template-id': x.template,
  fields: { amount: 1 },
  ...extra,
});
/** POST /cases with `attributes` merged over a valid create, and optional `meta`. */
const createWith =
  (extra: Record<string, unknown>, meta?: unknown) =>
  (x: Targets): Hostile => ({
    method: 'POST',
    url: '/api/v1/cases',
    body: { data: { attributes: attributes(x, extra) }, ...(meta === undefined ? {} : { meta }) },
  });
/** POST /cases with a raw JSON text in which `$FIELDS` stands for the fields object. */
const createRaw =
  (fields: string) =>
  (x: Targets): Hostile => ({
    method: 'POST',
    url: '/api/v1/cases',
    body: `{"data":{"attributes":{"case-template-id":"${x.template}","fields":${fields}}}}`,
  });
const action =
  (name: string, meta: unknown, on: keyof Targets = 'kase') =>
  (x: Targets): Hostile => ({ method: 'POST', url: `/api/v1/cases/${x[on]}/${name}`, body: { meta } });
const patch =
  (body: unknown, on: keyof Targets = 'kase') =>
  (x: Targets): Hostile => ({ method: 'PATCH', url: `/api/v1/cases/${x[on]}`, body });
const get = (url: string) => (): Hostile => ({ method: 'GET', url });
const templateWith = (extra: Record<string, unknown>) => (): Hostile => ({
  method: 'POST',
  url: '/api/v1/case-templates',
  body: {
    data: {
      attributes: {
        name: 'Hostile',
        key: uniqueKey('H'),
        statuses: [
          { name: 'open', type: 'initial' },
          { name: 'done', type: 'end' },
        ],
        ...extra,
      },
    },
  },
});
const queueWith = (attrs: unknown) => (): Hostile => ({
  method: 'POST',
  url: '/api/v1/case-queues',
  body: { data: { attributes: attrs } },
});

const at = (pointer: string): Source => ({ pointer });
const param = (parameter: string): Source => ({ parameter });
const SLA = at('/meta/sla-expires-in-seconds');
const TEMPLATE_ID = at('/data/attributes/case-template-id');

const wrongTypes: Case[] = [
  ['case-template-id as a number', 400, TEMPLATE_ID, createWith({ 'case-template-id': 42 })],
  ['case-template-id as an array', 400, TEMPLATE_ID, (x) => createWith({ 'case-template-id': [x.template] })(x)],
  [
    'case-template-id { $ne: null } (NoSQL injection)',
    400,
    TEMPLATE_ID,
    createWith({ 'case-template-id': { $ne: null } }),
  ],
  ['case-template-id { $gt: "" } (NoSQL injection)', 400, TEMPLATE_ID, createWith({ 'case-template-id': { $gt: '' } })],
  ['fields as an array', 400, at('/data/attributes/fields'), createWith({ fields: [{ amount: 1 }] })],
  ['fields as a string', 400, at('/data/attributes/fields'), createWith({ fields: 'amount=1' })],
  [
    'creator-email-address as a number',
    400,
    at('/data/attributes/creator-email-address'),
    createWith({ 'creator-email-address': 7 }),
  ],
  [
    'an invalid creator-email-address',
    400,
    at('/data/attributes/creator-email-address'),
    createWith({ 'creator-email-address': 'not-an-email' }),
  ],
  [
    'an e-mail address with a NUL byte',
    400,
    at('/data/attributes/creator-email-address'),
    createWith({ 'creator-email-address': 'ops\u0000@example.com' }),
  ],
  ['case-queue-id as a number', 400, at('/data/attributes/case-queue-id'), createWith({ 'case-queue-id': 1 })],
  [
    'case-queue-id { $exists: true } (NoSQL injection)',
    400,
    at('/data/attributes/case-queue-id'),
    createWith({ 'case-queue-id': { $exists: true } }),
  ],
  ['meta as an array', 400, at('/meta'), createWith({}, [])],
  ['object-ids as a string', 400, at('/meta/object-ids'), createWith({}, { 'object-ids': 'inq_1' })],
  ['object-ids holding a number', 400, at('/meta/object-ids/0'), createWith({}, { 'object-ids': [1] })],
];

const missingAndNull: Case[] = [
  ['a body without data', 400, at('/data'), () => ({ method: 'POST', url: '/api/v1/cases', body: { meta: {} } })],
  [
    'data without attributes',
    400,
    at('/data/attributes'),
    () => ({ method: 'POST', url: '/api/v1/cases', body: { data: {} } }),
  ],
  [
    'attributes without case-template-id',
    400,
    TEMPLATE_ID,
    () => ({ method: 'POST', url: '/api/v1/cases', body: { data: { attributes: { fields: {} } } } }),
  ],
  ['data: null', 400, at('/data'), () => ({ method: 'POST', url: '/api/v1/cases', body: { data: null } })],
  [
    'attributes: null',
    400,
    at('/data/attributes'),
    () => ({ method: 'POST', url: '/api/v1/cases', body: { data: { attributes: null } } }),
  ],
  ['case-template-id: null', 400, TEMPLATE_ID, createWith({ 'case-template-id': null })],
  ['fields: null', 400, at('/data/attributes/fields'), createWith({ fields: null })],
  ['meta: null', 400, at('/meta'), createWith({}, null)],
  [
    'creator-email-address: null',
    400,
    at('/data/attributes/creator-email-address'),
    createWith({ 'creator-email-address': null }),
  ],
];

const unknownKeys: Case[] = [
  // An unknown key is reported at the object holding it; the message names the key.
  [
    'an unknown top-level key',
    400,
    at('/'),
    (x) => ({ method: 'POST', url: '/api/v1/cases', body: { data: { attributes: attributes(x) }, included: [] } }),
  ],
  [
    'an unknown key in data',
    400,
    at('/data'),
    (x) => ({ method: 'POST', url: '/api/v1/cases', body: { data: { type: 'case', attributes: attributes(x) } } }),
  ],
  ['an unknown attribute', 400, at('/data/attributes'), createWith({ status: 'approved' })],
  ['an unknown key in meta', 400, at('/meta'), createWith({}, { 'skip-validation': true })],
  [
    'an unknown key in fields',
    422,
    at('/data/attributes/fields/colour'),
    createWith({ fields: { amount: 1, colour: 'red' } }),
  ],
];

const shapes: Case[] = [
  ['an array as the body', 400, at('/'), () => ({ method: 'POST', url: '/api/v1/cases', body: '[]' })],
  ['a JSON string as the body', 400, at('/'), () => ({ method: 'POST', url: '/api/v1/cases', body: '"case"' })],
  ['JSON null as the body', 400, at('/'), () => ({ method: 'POST', url: '/api/v1/cases', body: 'null' })],
  ['malformed JSON', 400, null, () => ({ method: 'POST', url: '/api/v1/cases', body: '{"data": {"attributes": ' })],
  [
    'JSON with a trailing comma',
    400,
    null,
    (x) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: `{"data":{"attributes":{"case-template-id":"${x.template}",}}}`,
    }),
  ],
  ['an empty JSON body', 400, null, () => ({ method: 'POST', url: '/api/v1/cases', body: '' })],
  ['no body at all', 400, at('/'), () => ({ method: 'POST', url: '/api/v1/cases' })],
  // Fastify reads text/plain as a string, which then is not the object the schema wants: 400, not 415.
  [
    'a text/plain body (400: parsed as a string)',
    400,
    at('/'),
    (x) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: JSON.stringify({ data: { attributes: attributes(x) } }),
      contentType: 'text/plain',
    }),
  ],
  [
    'a form-encoded body',
    415,
    null,
    (x) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: `data[attributes][case-template-id]=${x.template}`,
      contentType: 'application/x-www-form-urlencoded',
    }),
  ],
  [
    'an XML body',
    415,
    null,
    () => ({ method: 'POST', url: '/api/v1/cases', body: '<case/>', contentType: 'application/xml' }),
  ],
  ['a body over 1 MiB', 413, null, createWith({ fields: { amount: 1, notes: 'x'.repeat(1_100_000) } })],
  ['10,000 nested arrays in fields', 400, null, createRaw(`{"amount":1,"flags":${deepArrays(10_000)}}`)],
  ['10,000 nested objects in an object field', 400, null, createRaw(`{"amount":1,"raw":${deepObjects(10_000)}}`)],
  [
    '200,000 nested arrays under an Idempotency-Key',
    400,
    null,
    (x) => ({ ...createRaw(deepArrays(200_000))(x), headers: { 'idempotency-key': 'deep-nesting' } }),
  ],
  [
    `an object field taking the body past ${MAX_JSON_DEPTH} levels`,
    400,
    null,
    createRaw(`{"amount":1,"raw":${deepObjects(MAX_JSON_DEPTH)}}`),
  ],
  [
    'an object field nested 10 levels deep (within the body limit, over the field limit)',
    422,
    at('/data/attributes/fields/raw'),
    createRaw(`{"amount":1,"raw":${deepObjects(10)}}`),
  ],
  [
    'an Idempotency-Key over 255 characters',
    400,
    { header: 'Idempotency-Key' },
    (x) => ({ ...createWith({})(x), headers: { 'idempotency-key': 'k'.repeat(256) } }),
  ],
];

const mongoKeys: Case[] = [
  [
    'a $where key in fields',
    422,
    at('/data/attributes/fields/$where'),
    createWith({ fields: { amount: 1, $where: 'sleep(1000)' } }),
  ],
  ['a dotted key in fields', 422, at('/data/attributes/fields/a.b'), createWith({ fields: { amount: 1, 'a.b': 1 } })],
  [
    'a NUL byte in a field key',
    422,
    at('/data/attributes/fields/a\u0000b'),
    createWith({ fields: { amount: 1, 'a\u0000b': 1 } }),
  ],
  [
    '{ $where } in an object field',
    422,
    at('/data/attributes/fields/raw'),
    createWith({ fields: { amount: 1, raw: { $where: 'this.a == 1' } } }),
  ],
  [
    '{ $set } nested in an object field',
    422,
    at('/data/attributes/fields/raw'),
    createWith({ fields: { amount: 1, raw: { list: [{ ok: { $set: { x: 1 } } }] } } }),
  ],
  [
    'a dotted key in an object field',
    422,
    at('/data/attributes/fields/raw'),
    createWith({ fields: { amount: 1, raw: { 'a.b': 1 } } }),
  ],
  [
    'a NUL byte in a key of an object field',
    422,
    at('/data/attributes/fields/raw'),
    createWith({ fields: { amount: 1, raw: { 'a\u0000': 1 } } }),
  ],
  ['__proto__ in fields', 422, null, createRaw('{"amount":1,"__proto__":{"polluted":"yes"}}')],
  ['__proto__ in an object field', 422, null, createRaw('{"amount":1,"raw":{"__proto__":{"polluted":"yes"}}}')],
  [
    'constructor.prototype in an object field',
    422,
    null,
    createRaw('{"amount":1,"raw":{"constructor":{"prototype":{"polluted":"yes"}}}}'),
  ],
  [
    'constructor.prototype at the top level',
    422,
    null,
    (x) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: `{"data":{"attributes":{"case-template-id":"${x.template}"}},"constructor":{"prototype":{"polluted":"yes"}}}`,
    }),
  ],
  ['__proto__ in the query string', 400, param('__proto__[polluted]'), get('/api/v1/cases?__proto__[polluted]=yes')],
  [
    'constructor[prototype] in the query string',
    400,
    param('constructor[prototype][polluted]'),
    get('/api/v1/cases?constructor[prototype][polluted]=yes'),
  ],
];

const values: Case[] = [
  ['sla-expires-in-seconds: 0', 400, SLA, createWith({}, { 'sla-expires-in-seconds': 0 })],
  ['sla-expires-in-seconds: -60', 400, SLA, createWith({}, { 'sla-expires-in-seconds': -60 })],
  ['sla-expires-in-seconds over 90 days', 400, SLA, createWith({}, { 'sla-expires-in-seconds': 90 * 24 * 3600 + 1 })],
  ['sla-expires-in-seconds: 1.5', 400, SLA, createWith({}, { 'sla-expires-in-seconds': 1.5 })],
  ['sla-expires-in-seconds as a string', 400, SLA, createWith({}, { 'sla-expires-in-seconds': '3600' })],
  [
    'sla-expires-in-seconds: 1e400 (Infinity)',
    400,
    SLA,
    (x) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: `{"data":{"attributes":{"case-template-id":"${x.template}","fields":{"amount":1}}},"meta":{"sla-expires-in-seconds":1e400}}`,
    }),
  ],
  ['a number field of 1e400 (Infinity)', 422, at('/data/attributes/fields/amount'), createRaw('{"amount":1e400}')],
  [
    'a number field as a numeric string',
    422,
    at('/data/attributes/fields/amount'),
    createWith({ fields: { amount: '1' } }),
  ],
  [
    'a string field over 10,000 characters',
    422,
    at('/data/attributes/fields/notes'),
    createWith({ fields: { amount: 1, notes: 'x'.repeat(10_001) } }),
  ],
  ['a missing required field', 422, at('/data/attributes/fields/amount'), createWith({ fields: {} })],
  [
    'object ids with unknown prefixes',
    422,
    at('/meta/object-ids/1'),
    createWith({}, { 'object-ids': ['inq_ok', 'usr_nope'] }),
  ],
  ['an object id that is only a prefix', 422, at('/meta/object-ids/0'), createWith({}, { 'object-ids': ['inq_'] })],
  [
    '1,001 object ids',
    400,
    at('/meta/object-ids'),
    createWith({}, { 'object-ids': Array.from({ length: 1001 }, (_, i) => `inq_${i}`) }),
  ],
  [
    'a case-template-id of 5,000 characters',
    400,
    TEMPLATE_ID,
    createWith({ 'case-template-id': `ctmpl_${'x'.repeat(5000)}` }),
  ],
  [
    'a case-template-id with a NUL byte (unknown: 404)',
    404,
    TEMPLATE_ID,
    (x) => createWith({ 'case-template-id': `${x.template}\u0000` })(x),
  ],
  ['an unknown case-template-id', 404, TEMPLATE_ID, createWith({ 'case-template-id': `ctmpl_${ID}` })],
  ['an archived template', 422, TEMPLATE_ID, (x) => createWith({ 'case-template-id': x.archivedTemplate })(x)],
  [
    'an unknown case-queue-id',
    404,
    at('/data/attributes/case-queue-id'),
    createWith({ 'case-queue-id': `cqueue_${ID}` }),
  ],
  [
    'an archived queue',
    422,
    at('/data/attributes/case-queue-id'),
    (x) => createWith({ 'case-queue-id': x.archivedQueue })(x),
  ],
];

const updates: Case[] = [
  [
    'PATCH of an unknown case',
    404,
    null,
    (x) => ({ ...patch({ data: { attributes: { fields: { notes: 'x' } } } })(x), url: `/api/v1/cases/case_${ID}` }),
  ],
  [
    'PATCH with fields as an array',
    400,
    at('/data/attributes/fields'),
    patch({ data: { attributes: { fields: ['notes'] } } }),
  ],
  [
    'PATCH with an unknown attribute',
    400,
    at('/data/attributes'),
    patch({ data: { attributes: { status: 'approved' } } }),
  ],
  [
    'PATCH with case-queue-id { $ne: null }',
    400,
    at('/data/attributes/case-queue-id'),
    patch({ data: { attributes: { 'case-queue-id': { $ne: null } } } }),
  ],
  ['PATCH with sla-expires-in-seconds: 0', 400, SLA, patch({ meta: { 'sla-expires-in-seconds': 0 } })],
  ['PATCH with sla-expires-in-seconds as a string', 400, SLA, patch({ meta: { 'sla-expires-in-seconds': 'soon' } })],
  [
    'PATCH removing a required field',
    422,
    at('/data/attributes/fields/amount'),
    patch({ data: { attributes: { fields: { amount: null } } } }),
  ],
  [
    'PATCH of a field with a $-key inside an object',
    422,
    at('/data/attributes/fields/raw'),
    patch({ data: { attributes: { fields: { raw: { $inc: { version: 1 } } } } } }),
  ],
  ['PATCH of a redacted case', 409, null, patch({ data: { attributes: { fields: { notes: 'back' } } } }, 'redacted')],
];

const actions: Case[] = [
  ['set-status to a status not in the template', 422, at('/meta/status'), action('set-status', { status: 'lost' })],
  ['set-status to { $ne: null }', 400, at('/meta/status'), action('set-status', { status: { $ne: null } })],
  [
    'set-status without meta',
    400,
    at('/meta'),
    (x) => ({ method: 'POST', url: `/api/v1/cases/${x.kase}/set-status`, body: { data: { status: 'approved' } } }),
  ],
  ['set-status with a NUL byte', 400, at('/meta/status'), action('set-status', { status: 'approved\u0000' })],
  ['add-tag with a 101-character tag', 400, at('/meta/tag-name'), action('add-tag', { 'tag-name': 't'.repeat(101) })],
  ['add-tag with a NUL byte', 400, at('/meta/tag-name'), action('add-tag', { 'tag-name': 'vip\u0000' })],
  ['add-tag with only whitespace', 400, at('/meta/tag-name'), action('add-tag', { 'tag-name': '   ' })],
  ['add-tag with an array', 400, at('/meta/tag-name'), action('add-tag', { 'tag-name': ['a', 'b'] })],
  ['set-tags with a string', 400, at('/meta/tag-name'), action('set-tags', { 'tag-name': 'a' })],
  [
    'set-tags with 101 tags',
    400,
    at('/meta/tag-name'),
    action('set-tags', { 'tag-name': Array.from({ length: 101 }, (_, i) => `t${i}`) }),
  ],
  [
    'add-objects with an unknown prefix',
    422,
    at('/meta/object-ids/0'),
    action('add-objects', { 'object-ids': ['usr_1'] }),
  ],
  ['add-objects with no ids', 400, at('/meta/object-ids'), action('add-objects', { 'object-ids': [] })],
  [
    'add-objects with 1,001 ids',
    400,
    at('/meta/object-ids'),
    action('add-objects', { 'object-ids': Array.from({ length: 1001 }, (_, i) => `doc_${i}`) }),
  ],
  [
    'add-objects past 1,000 on the case',
    422,
    at('/meta/object-ids'),
    action('add-objects', { 'object-ids': Array.from({ length: 1000 }, (_, i) => `txn_${i}`) }),
  ],
  [
    'assign to an invalid e-mail address',
    400,
    at('/meta/user-email-address'),
    action('assign', { 'user-email-address': 'nobody' }),
  ],
  [
    'a comment with an empty body',
    400,
    at('/data/attributes/body'),
    (x) => ({ method: 'POST', url: `/api/v1/cases/${x.kase}/comments`, body: { data: { attributes: { body: ' ' } } } }),
  ],
  [
    'a comment over 10,000 characters',
    400,
    at('/data/attributes/body'),
    (x) => ({
      method: 'POST',
      url: `/api/v1/cases/${x.kase}/comments`,
      body: { data: { attributes: { body: 'x'.repeat(10_001) } } },
    }),
  ],
  [
    'an action on an unknown case',
    404,
    null,
    (x) => ({ ...action('add-tag', { 'tag-name': 'x' })(x), url: `/api/v1/cases/case_${ID}/add-tag` }),
  ],
  ['an unknown action', 404, null, action('escalate', {})],
  ['add-tag on a redacted case', 409, null, action('add-tag', { 'tag-name': 'x' }, 'redacted')],
  ['set-status on a redacted case', 409, null, action('set-status', { status: 'approved' }, 'redacted')],
  ['assign on a redacted case', 409, null, action('assign', { 'user-email-address': 'a@example.com' }, 'redacted')],
  ['add-objects on a redacted case', 409, null, action('add-objects', { 'object-ids': ['inq_late'] }, 'redacted')],
  [
    'a comment on a redacted case',
    409,
    null,
    (x) => ({
      method: 'POST',
      url: `/api/v1/cases/${x.redacted}/comments`,
      body: { data: { attributes: { body: 'late' } } },
    }),
  ],
  ['redacting a redacted case again', 409, null, (x) => ({ method: 'DELETE', url: `/api/v1/cases/${x.redacted}` })],
  ['DELETE of an unknown case', 404, null, () => ({ method: 'DELETE', url: `/api/v1/cases/case_${ID}` })],
];

const reads: Case[] = [
  ['GET of an unknown case', 404, null, get(`/api/v1/cases/case_${ID}`)],
  ['GET of a case id with a NUL byte', 404, null, get('/api/v1/cases/case_%00abc')],
  ['GET of a case id of 5,000 characters', 400, null, get(`/api/v1/cases/case_${'x'.repeat(5000)}`)],
  ['GET with a malformed percent-encoding', 400, null, get('/api/v1/cases/%E0%A4%A')],
  ['include of an unknown relationship', 400, param('include'), (x) => get(`/api/v1/cases/${x.kase}?include=owner`)()],
  ['events of an unknown case', 404, null, get(`/api/v1/cases/case_${ID}/events`)],
  ['page[after]=garbage (400: not a case id)', 400, param('page[after]'), get('/api/v1/cases?page[after]=garbage')],
  ['page[before]=garbage', 400, param('page[before]'), get('/api/v1/cases?page[before]=garbage')],
  ['page[after] with the id of another kind', 400, param('page[after]'), get(`/api/v1/cases?page[after]=ctmpl_${ID}`)],
  ['page[size]=0', 400, param('page[size]'), get('/api/v1/cases?page[size]=0')],
  ['page[size]=101', 400, param('page[size]'), get('/api/v1/cases?page[size]=101')],
  ['page[size]=abc', 400, param('page[size]'), get('/api/v1/cases?page[size]=abc')],
  ['page[size]=-1', 400, param('page[size]'), get('/api/v1/cases?page[size]=-1')],
  ['an unknown filter', 400, param('filter[colour]'), get('/api/v1/cases?filter[colour]=red')],
  [
    'filter[status][$ne] (NoSQL injection)',
    400,
    param('filter[status][$ne]'),
    get('/api/v1/cases?filter[status][$ne]=open'),
  ],
  [
    'a repeated filter (array where a string is expected)',
    400,
    param('filter[status]'),
    get('/api/v1/cases?filter[status]=a&filter[status]=b'),
  ],
  ['filter[sla-expired]=maybe', 400, param('filter[sla-expired]'), get('/api/v1/cases?filter[sla-expired]=maybe')],
  [
    'a case event list with a garbage cursor',
    400,
    param('page[after]'),
    (x) => get(`/api/v1/cases/${x.kase}/events?page[after]=garbage`)(),
  ],
  ['GET /events with a garbage cursor', 400, param('page[after]'), get('/api/v1/events?page[after]=garbage')],
  [
    'GET /events with filter[since]=yesterday',
    400,
    param('filter[since]'),
    get('/api/v1/events?filter[since]=yesterday'),
  ],
  ['GET /events with an unknown event name', 400, param('filter[name]'), get('/api/v1/events?filter[name]=case.nope')],
];

const templates: Case[] = [
  ['a template with a lower-case key', 400, at('/data/attributes/key'), templateWith({ key: 'kyc' })],
  ['a template key with a NUL byte', 400, at('/data/attributes/key'), templateWith({ key: 'KYC\u0000' })],
  ['a template key { $ne: null }', 400, at('/data/attributes/key'), templateWith({ key: { $ne: null } })],
  ['a taken template key', 409, at('/data/attributes/key'), (x) => templateWith({ key: x.takenKey })()],
  ['statuses as an object', 400, at('/data/attributes/statuses'), templateWith({ statuses: { open: 'initial' } })],
  [
    'a status of an unknown type',
    400,
    at('/data/attributes/statuses/1/type'),
    templateWith({
      statuses: [
        { name: 'open', type: 'initial' },
        { name: 'x', type: 'final' },
      ],
    }),
  ],
  [
    'statuses without an end',
    422,
    at('/data/attributes/statuses'),
    templateWith({
      statuses: [
        { name: 'open', type: 'initial' },
        { name: 'mid', type: 'intermediate' },
      ],
    }),
  ],
  [
    'a field key starting with $',
    400,
    at('/data/attributes/field-schemas/0/key'),
    templateWith({ 'field-schemas': [{ key: '$where', type: 'string' }] }),
  ],
  [
    'a dotted field key',
    400,
    at('/data/attributes/field-schemas/0/key'),
    templateWith({ 'field-schemas': [{ key: 'a.b', type: 'string' }] }),
  ],
  [
    'a field key __proto__',
    400,
    at('/data/attributes/field-schemas/0/key'),
    templateWith({ 'field-schemas': [{ key: '__proto__', type: 'string' }] }),
  ],
  [
    'a field of an unknown type',
    400,
    at('/data/attributes/field-schemas/0/type'),
    templateWith({ 'field-schemas': [{ key: 'a', type: 'blob' }] }),
  ],
  [
    'a choice field without choices',
    400,
    at('/data/attributes/field-schemas/0/config'),
    templateWith({ 'field-schemas': [{ key: 'a', type: 'choice' }] }),
  ],
  [
    'default-sla-seconds over 90 days',
    400,
    at('/data/attributes/default-sla-seconds'),
    templateWith({ 'default-sla-seconds': 90 * 24 * 3600 + 1 }),
  ],
  [
    'default-sla-seconds as a string',
    400,
    at('/data/attributes/default-sla-seconds'),
    templateWith({ 'default-sla-seconds': '60' }),
  ],
  [
    'an unknown sla-breach-queue-id',
    422,
    at('/data/attributes/sla-breach-queue-id'),
    templateWith({ 'sla-breach-queue-id': `cqueue_${ID}` }),
  ],
  [
    'sla-breach-queue-id { $ne: null }',
    400,
    at('/data/attributes/sla-breach-queue-id'),
    templateWith({ 'sla-breach-queue-id': { $ne: null } }),
  ],
  ['an unknown template attribute', 400, at('/data/attributes'), templateWith({ status: 'archived' })],
  [
    'PATCH of a template key',
    400,
    at('/data/attributes'),
    (x) => ({
      method: 'PATCH',
      url: `/api/v1/case-templates/${x.template}`,
      body: { data: { attributes: { key: 'OTHER' } } },
    }),
  ],
  [
    'PATCH of template statuses without an initial',
    422,
    at('/data/attributes/statuses'),
    (x) => ({
      method: 'PATCH',
      url: `/api/v1/case-templates/${x.template}`,
      body: {
        data: {
          attributes: {
            statuses: [
              { name: 'done', type: 'end' },
              { name: 'also', type: 'end' },
            ],
          },
        },
      },
    }),
  ],
  [
    'PATCH of an unknown template',
    404,
    null,
    () => ({
      method: 'PATCH',
      url: `/api/v1/case-templates/ctmpl_${ID}`,
      body: { data: { attributes: { name: 'x' } } },
    }),
  ],
  [
    'archive of an unknown template',
    404,
    null,
    () => ({ method: 'POST', url: `/api/v1/case-templates/ctmpl_${ID}/archive` }),
  ],
  ['GET of an unknown template', 404, null, get(`/api/v1/case-templates/ctmpl_${ID}`)],
  ['template list with a garbage cursor', 400, param('page[after]'), get('/api/v1/case-templates?page[after]=garbage')],
  [
    'template list with a case id as cursor',
    400,
    param('page[before]'),
    get(`/api/v1/case-templates?page[before]=case_${ID}`),
  ],
];

const queues: Case[] = [
  ['a queue without a name', 400, at('/data/attributes/name'), queueWith({})],
  ['a queue name as a number', 400, at('/data/attributes/name'), queueWith({ name: 12 })],
  ['a queue name { $ne: null }', 400, at('/data/attributes/name'), queueWith({ name: { $ne: null } })],
  [
    'a queue description over 2,000 characters',
    400,
    at('/data/attributes/description'),
    queueWith({ name: 'Q', description: 'd'.repeat(2001) }),
  ],
  ['an unknown queue attribute', 400, at('/data/attributes'), queueWith({ name: 'Q', status: 'archived' })],
  [
    'archive of an unknown queue',
    404,
    null,
    () => ({ method: 'POST', url: `/api/v1/case-queues/cqueue_${ID}/archive` }),
  ],
  ['GET of an unknown queue', 404, null, get(`/api/v1/case-queues/cqueue_${ID}`)],
  ['queue list with a garbage cursor', 400, param('page[after]'), get('/api/v1/case-queues?page[after]=garbage')],
  [
    'queue list with filter[status]=deleted',
    400,
    param('filter[status]'),
    get('/api/v1/case-queues?filter[status]=deleted'),
  ],
];

/** Every collection of the database, as a count and a hash of all its documents (EJSON, sorted). */
async function snapshot(t: TestApp, exclude: RegExp): Promise<Record<string, { count: number; hash: string }>> {
  const names = (await t.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const entries = await Promise.all(
    names
      .filter((name) => !exclude.test(name))
      .map(async (name) => {
        const documents = (await t.db.collection(name).find({}).toArray()).map((doc) =>
          BSON.EJSON.stringify(doc, { relaxed: false }),
        );
        documents.sort();
        const hash = createHash('sha256').update(documents.join('\n')).digest('hex');
        return [name, { count: documents.length, hash }] as const;
      }),
  );
  return Object.fromEntries(entries);
}

describe('hostile requests to the case, template and queue routes', () => {
  let t: TestApp;
  let targets: Targets;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    const template = await createTemplate(t);
    const archivedTemplate = await createTemplate(t);
    const queue = await createQueue(t, 'Hostile');
    const archivedQueue = await createQueue(t, 'Archived');
    for (const url of [
      `/api/v1/case-templates/${archivedTemplate.id}/archive`,
      `/api/v1/case-queues/${archivedQueue.id}/archive`,
    ]) {
      const archived = await t.app.inject({ method: 'POST', url, headers: t.auth });
      expect(archived.statusCode, archived.body).toBe(200);
    }
    const kase = await createCase(t, template.id, { meta: { 'object-ids': ['inq_seed'] } });
    const redacted = await createCase(t, template.id);
    const redaction = await t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${redacted.id}`, headers: t.auth });
    expect(redaction.statusCode, redaction.body).toBe(200);
    // A tag on the live case, so a lost or partial write of a rejected request would show in its document.
    expect((await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'seed' })).statusCode).toBe(200);
    // Writers clear their published outboxes a moment later (CLEAR_DELAY_MS): let that land before any snapshot.
    await eventually(async () => (await t.db.collection('cases').countDocuments({ dirty: true })) === 0 || undefined, {
      what: 'the setup writes to be published and cleared',
    });
    targets = {
      template: template.id,
      takenKey: template.attributes.key,
      archivedTemplate: archivedTemplate.id,
      queue: queue.id,
      archivedQueue: archivedQueue.id,
      kase: kase.id,
      redacted: redacted.id,
    };
  });
  afterAll(async () => t.close());

  const groups: [string, Case[]][] = [
    ['wrong JSON types', wrongTypes],
    ['missing members and nulls', missingAndNull],
    ['unknown keys', unknownKeys],
    ['bodies of the wrong shape, type, size or depth', shapes],
    ['MongoDB operators, dotted keys and prototype pollution', mongoKeys],
    ['invalid values and unknown or unusable records', values],
    ['case updates', updates],
    ['case actions', actions],
    ['reads, lists and cursors', reads],
    ['case templates', templates],
    ['case queues', queues],
  ];

  for (const [group, cases] of groups) {
    describe(group, () => {
      it.each(cases)('%s → %i, nothing written', async (_name, status, source, build) => {
        const request = build(targets);
        // A rejected request may still leave its stored answer under its Idempotency-Key; nothing else may change.
        const exclude = request.headers?.['idempotency-key'] ? /^(rate_limit|idempotency_records$)/ : /^rate_limit/;
        const before = await snapshot(t, exclude);

        const body = request.body;
        const response = await t.app.inject({
          method: request.method,
          url: request.url,
          headers: {
            ...t.auth,
            ...(body === undefined ? {} : { 'content-type': request.contentType ?? 'application/json' }),
            ...request.headers,
          },
          ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
        });

        const errors = expectApiError(response, status);
        if (source) expect(errors.map((error) => error.source)).toContainEqual(source);
        expect(await snapshot(t, exclude)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      });
    });
  }

  // Over HTTP the body depth limit answers first; workflow steps hand field values to the same check directly.
  it('rejects a 100,000-level object field value as too deep, without overflowing the stack', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(fieldValueProblem({ key: 'raw', type: 'object', required: false }, deep)).toMatch(/nested deeper/);
  });

  it('covers at least 30 kinds of hostile request', () => {
    expect(groups.flatMap(([, cases]) => cases).length).toBeGreaterThanOrEqual(30);
  });
});
