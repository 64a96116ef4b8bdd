import { httpRequestEvaluatedSchema, type HttpRequestParams } from '@casework/shared';
import { SecretUnusableError, type SecretReader } from '../secrets/secret-service.ts';
import { HttpRequestError, type HttpAnswer, type HttpClient, type OutgoingRequest } from './http-client.ts';
import { signatureHeader } from './http-signature.ts';

/** What an `http.request` step gives later steps as `steps.<id>`. */
export interface HttpStepOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Why a step failed, and whether the same request may be sent again (the node's `retry-on`). */
export class HttpStepError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** From the answer's Retry-After, when it gave one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'HttpStepError';
  }
}

/** Deeper JSON than this fails the step: it would only hurt the expressions and histories that carry it. */
const MAX_JSON_DEPTH = 64;
const MAX_RETRY_AFTER_MS = 10 * 60_000;
const unsafeHeaderValue = /[\r\n\0]/;

export interface HttpStepDeps {
  client: HttpClient;
  readSecret: SecretReader;
  /** Seconds since the epoch, for signatures. */
  now: () => number;
}

/** Runs one attempt of an `http.request` step from its evaluated params (packages/shared/src/nodes/http.request.node.ts). */
export async function runHttpStep(rawParams: unknown, deps: HttpStepDeps): Promise<HttpStepOutput> {
  const parsed = httpRequestEvaluatedSchema.safeParse(rawParams);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const at = problem && problem.path.length > 0 ? `${problem.path.join('.')}: ` : '';
    throw new HttpStepError(`${at}${problem?.message ?? 'invalid params'}`, false);
  }
  const params = parsed.data;
  const request = await prepare(params, deps);
  const where = `${request.method} ${request.url.origin}${request.url.pathname}`;
  let answer: HttpAnswer;
  try {
    answer = await deps.client.send(request);
  } catch (error) {
    if (!(error instanceof HttpRequestError)) throw error;
    const retryable = error.kind === 'network' && params['retry-on'].includes('network');
    throw new HttpStepError(`${where}: ${error.message}`, retryable);
  }
  if (answer.status < 200 || answer.status > 299) throw statusFailure(answer, where, params['retry-on']);
  return { status: answer.status, headers: answer.headers, body: parseBody(answer, where) };
}

async function prepare(params: HttpRequestParams, deps: HttpStepDeps): Promise<OutgoingRequest> {
  let url: URL;
  try {
    url = new URL(params.url);
  } catch {
    throw new HttpStepError(`"${params.url.slice(0, 200)}" is not a URL`, false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpStepError(`the URL must be http:// or https://, not ${url.protocol}`, false);
  }
  if (url.username || url.password) {
    throw new HttpStepError('the URL must not hold a user name or password: send credentials in a header', false);
  }
  for (const [key, value] of Object.entries(params.query)) {
    if (value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }

  const headers: Record<string, string> = { 'user-agent': 'Casework', accept: 'application/json, */*;q=0.8' };
  for (const [name, value] of Object.entries(params.headers)) {
    if (unsafeHeaderValue.test(value)) throw new HttpStepError(`header ${name}: the value holds a line break`, false);
    headers[name.toLowerCase()] = value;
  }
  let body: string | null = null;
  if (params.body.type === 'json') {
    body = JSON.stringify(params.body.value ?? null);
    headers['content-type'] ??= 'application/json';
  } else if (params.body.type === 'form') {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(params.body.fields)) if (value !== null) form.append(key, value);
    body = form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  for (const [name, secretName] of Object.entries(params['secret-headers'])) {
    const value = await readSecret(secretName, deps);
    if (unsafeHeaderValue.test(value)) throw new HttpStepError(`secret "${secretName}" holds a line break`, false);
    headers[name.toLowerCase()] = value;
  }
  if (params.signature) {
    const secret = await readSecret(params.signature.secret, deps);
    headers[params.signature.header.toLowerCase()] = signatureHeader(secret, body ?? '', deps.now());
  }
  const unit = params.timeout.unit === 'minutes' ? 60_000 : 1_000;
  return {
    method: params.method,
    url,
    headers,
    body,
    timeoutMs: params.timeout.amount * unit,
    maxResponseBytes: params['max-response-bytes'],
  };
}

/** A secret's value; one that cannot be had fails the step for good (a store outage is retried). */
async function readSecret(name: string, deps: HttpStepDeps): Promise<string> {
  try {
    return await deps.readSecret(name);
  } catch (error) {
    if (error instanceof SecretUnusableError) throw new HttpStepError(error.message, false);
    throw error;
  }
}

function statusFailure(answer: HttpAnswer, where: string, retryOn: HttpRequestParams['retry-on']): HttpStepError {
  const { status } = answer;
  const retryable =
    (status >= 500 && status <= 599 && retryOn.includes('5xx')) || (status === 429 && retryOn.includes('429'));
  const location =
    status >= 300 && status <= 399 && answer.headers.location
      ? ` to ${answer.headers.location.slice(0, 200)} (redirects are not followed)`
      : '';
  const text = answer.body.toString('utf8', 0, Math.min(answer.body.length, 300)).replace(/\s+/g, ' ').trim();
  const message = `${where} answered ${status}${answer.statusText ? ` ${answer.statusText}` : ''}${location}${text ? `: ${text.slice(0, 200)}` : ''}`;
  return new HttpStepError(message, retryable, retryable ? retryAfterMs(answer.headers['retry-after']) : undefined);
}

/** Retry-After as seconds or an HTTP date, capped; undefined when absent or unreadable. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType.trim());

function parseBody(answer: HttpAnswer, where: string): unknown {
  if (answer.body.length === 0) return null;
  const text = answer.body.toString('utf8');
  if (!isJson(answer.headers['content-type'])) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpStepError(`${where}: the answer says it is JSON but does not parse (${reason.slice(0, 200)})`, false);
  }
  if (depthOver(value, MAX_JSON_DEPTH)) {
    throw new HttpStepError(`${where}: the JSON answer nests deeper than ${MAX_JSON_DEPTH} levels`, false);
  }
  return value;
}

/** Whether a parsed JSON value nests deeper than `max` (iterative: a hostile answer cannot overflow the stack). */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
