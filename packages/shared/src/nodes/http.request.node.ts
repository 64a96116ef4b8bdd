import { z } from 'zod';
import { secretNameSchema } from '../api/secret.dto.ts';
import { pointer } from '../compile/compile-issue.ts';
import { hasExpression } from '../expressions/expression-template.ts';
import { defineNode } from './node-definition.ts';
import { actionOptions, durationSchema, valueSchema } from './node-params.ts';
import { formatDuration, summaryRecord, summaryText } from './node-summary-text.ts';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** Which failures a request is tried again on: a status class, 429, or no answer at all (refused, reset, timed out). */
export const httpRetryOn = ['5xx', '429', 'network'] as const;

export const HTTP_MAX_RESPONSE_BYTES = 1024 * 1024;
export const HTTP_DEFAULT_RESPONSE_BYTES = 256 * 1024;
export const HTTP_DEFAULT_SIGNATURE_HEADER = 'Casework-Signature';

/** Headers the request sets itself (from the URL and body): a node may not. */
const reservedHeaders = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'expect']);

/** An HTTP header name (RFC 9110 token). */
const headerNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name')
  .refine((name) => !reservedHeaders.has(name.toLowerCase()), 'is set by the request itself');

/** A literal URL is checked now; one holding `{{ … }}` when evaluated. */
const urlSchema = z
  .string()
  .min(1)
  .max(4_000)
  .refine((url) => hasExpression(url) || /^https?:\/\/[^\s/?#]+/i.test(url), 'must be an http:// or https:// URL');

const bodySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('json'), value: valueSchema }),
  z.strictObject({ type: z.literal('form'), fields: z.record(z.string().min(1).max(200), valueSchema) }),
]);

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** Persona's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` in one header. */
const signatureSchema = z.strictObject({
  secret: secretNameSchema,
  header: headerNameSchema.default(HTTP_DEFAULT_SIGNATURE_HEADER),
});

/** The params the activity receives once the interpreter evaluated their expressions. */
export const httpRequestEvaluatedSchema = z.object({
  method: z.enum(httpMethods),
  url: z.string({ error: 'the URL must be a string' }),
  query: z
    .record(z.string(), z.union([scalar, z.array(scalar), z.null()]), { error: 'query values must be scalars' })
    .default({}),
  headers: z.record(z.string(), scalar, { error: 'header values must be strings' }).default({}),
  'secret-headers': z.record(z.string(), z.string()).default({}),
  body: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('none') }),
      z.object({ type: z.literal('json'), value: z.unknown() }),
      z.object({
        type: z.literal('form'),
        fields: z.record(z.string(), z.union([scalar, z.null()]), { error: 'form values must be scalars' }),
      }),
    ])
    .default({ type: 'none' }),
  timeout: z.object({ amount: z.number(), unit: z.enum(['seconds', 'minutes']) }),
  'retry-on': z.array(z.enum(httpRetryOn)),
  'max-response-bytes': z.number().int().min(1).max(HTTP_MAX_RESPONSE_BYTES),
  signature: z.object({ secret: z.string(), header: z.string() }).optional(),
});

/**
 * `http.request`: one HTTP request from a worker activity (packages/runtime/src/http/), its answer the step's output.
 * A status other than 2xx fails the step; redirects are not followed (a 3xx fails it too, naming its Location).
 */
export const httpRequestNode = defineNode({
  kind: 'http.request',
  version: 1,
  role: 'action',
  paramsSchema: z
    .strictObject({
      method: z.enum(httpMethods).default('GET'),
      url: urlSchema,
      query: z.record(z.string().min(1).max(200), valueSchema).default({}),
      headers: z.record(headerNameSchema, valueSchema).default({}),
      /** Headers whose value is a secret, by name (`Authorization` → `crm-token`): set in the activity, never recorded. */
      'secret-headers': z.record(headerNameSchema, secretNameSchema).default({}),
      body: bodySchema.default({ type: 'none' }),
      timeout: durationSchema(['seconds', 'minutes'], 300).default({ amount: 30, unit: 'seconds' }),
      'retry-on': z.array(z.enum(httpRetryOn)).max(3).default(['5xx', '429', 'network']),
      'max-response-bytes': z.number().int().min(1).max(HTTP_MAX_RESPONSE_BYTES).default(HTTP_DEFAULT_RESPONSE_BYTES),
      signature: signatureSchema.optional(),
      ...actionOptions,
    })
    .refine((params) => params.body.type === 'none' || (params.method !== 'GET' && params.method !== 'HEAD'), {
      message: 'a GET or HEAD request has no body',
      path: ['body'],
    }),
  handles: () => ['next'],
  outputSchema: z.object({
    status: z.number(),
    headers: z.record(z.string(), z.string()),
    /** Parsed JSON when the answer says `application/json` (or `+json`), else its text; null when empty. */
    body: z.unknown(),
  }),
  outputHasCase: false,
  checkCatalog: (params, check) => {
    const known = check.catalog.secrets;
    if (!known) return;
    const uses: [string, string][] = Object.entries(params['secret-headers']).map(([header, name]) => [
      name,
      pointer('/params/secret-headers', header),
    ]);
    if (params.signature) uses.push([params.signature.secret, '/params/signature/secret']);
    for (const [name, path] of uses) {
      if (!known.some((secret) => secret.name === name)) {
        check.report('unknown-secret', `no secret "${name}" (create it under Secrets)`, path);
      }
    }
  },
  evaluatedParamsSchema: httpRequestEvaluatedSchema,
  title: 'HTTP request',
  description: 'Calls an outside service; its answer is the step output',
  idBase: 'http-request',
  defaults: () => ({ method: 'GET', url: 'https://', query: {}, headers: {}, body: { type: 'none' } }),
  summary: (params) => {
    const method = summaryText(params.method) ?? 'GET';
    const url = summaryText(params.url);
    const secret = summaryText(summaryRecord(params.signature).secret);
    const duration = formatDuration(params.timeout);
    return [
      `${method} ${url === undefined || url === 'https://' ? 'URL: not set' : url}`,
      secret ? `signed with ${secret}` : duration && `timeout ${duration}`,
    ];
  },
});

export type HttpRequestParams = z.output<typeof httpRequestEvaluatedSchema>;
