import { invalidResponse, networkError, parseApiError, type ApiRequestError } from './api-error.ts';

/** What the client needs of a response schema: the shared zod DTOs satisfy it. */
export interface ResponseSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** For answers without a body (204): anything goes, nothing is read. */
export const noContent: ResponseSchema<undefined> = { safeParse: () => ({ success: true, data: undefined }) };

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Where the api is: `''` for the page's own origin (the api serves the editor), or `http://host:port`. */
  baseUrl: string;
  /**
   * The signed-in session's CSRF token, sent as `X-CSRF-Token` on every request that is not a GET: the api refuses
   * a write authenticated by the session cookie without it. None before signing in.
   */
  csrfToken?: string | null;
  /** Called on every 401, before the request fails: the session has expired or ended (or never was). */
  onUnauthorized?: (error: ApiRequestError) => void;
  /** Aborts every request of the client at once (the session signing out: nothing of it may answer afterwards). */
  sessionSignal?: AbortSignal;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ApiClient {
  /**
   * Calls `path` (under `/api/v1`, or a ready-made `/api/v1/…` link from a list's `links`) and parses the answer
   * with `schema`. Fails with an `ApiRequestError`; a request aborted through `signal` fails with the abort reason.
   */
  request<T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T>;
}

export const API_PREFIX = '/api/v1';
/** The header a cookie-authenticated write carries its CSRF token in (packages/runtime/src/access/auth.plugin.ts). */
export const CSRF_HEADER = 'x-csrf-token';
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * A fetch-based client for the Casework API: the session cookie (sent by the browser, same origin) and its CSRF
 * token on writes, JSON in and out, typed errors.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl, csrfToken = null, onUnauthorized, sessionSignal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const root = baseUrl.replace(/\/+$/, '');

  return {
    async request(path, schema, { method = 'GET', body, query, headers = {}, signal } = {}) {
      const url = `${root}${path.startsWith(`${API_PREFIX}/`) ? path : `${API_PREFIX}${path}`}`;
      const target = `${url}${queryString(query, url.includes('?') ? '&' : '?')}`;
      const init: RequestInit = {
        method,
        headers: {
          accept: 'application/json',
          ...(method === 'GET' || csrfToken === null ? {} : { [CSRF_HEADER]: csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        cache: 'no-store',
        credentials: 'same-origin',
        signal: AbortSignal.any([
          ...(signal ? [signal] : []),
          ...(sessionSignal ? [sessionSignal] : []),
          AbortSignal.timeout(timeoutMs),
        ]),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(target, init);
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (sessionSignal?.aborted) throw sessionSignal.reason;
        throw networkError(error);
      }
      const requestId = response.headers.get('request-id');
      const json = parseJson(text);
      if (!response.ok) {
        const error = parseApiError(response.status, json, requestId);
        if (response.status === 401) onUnauthorized?.(error);
        throw error;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw invalidResponse(response.status, describeIssues(parsed.error.issues), requestId);
      return parsed.data;
    },
  };
}

function queryString(query: Query | undefined, separator: string): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `${separator}${text}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}
