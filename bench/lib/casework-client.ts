import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/** The api answered 429: the bench would measure the rate limiter, not the pipeline. */
export class RateLimitedError extends Error {}

/** An answer other than the expected status. */
export class UnexpectedStatusError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** Where the bench finds the stack: CASEWORK_URL / CASEWORK_API_KEY, with the defaults examples/*.sh use. */
export function clientOptionsFromEnv(repoRoot: string, env = process.env): ClientOptions {
  const baseUrl = (env.CASEWORK_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (env.CASEWORK_API_KEY) return { baseUrl, apiKey: env.CASEWORK_API_KEY };
  const keyFile = path.join(path.resolve(repoRoot, env.CASEWORK_DATA_DIR || '.data'), 'api-key');
  try {
    return { baseUrl, apiKey: readFileSync(keyFile, 'utf8').trim() };
  } catch {
    throw new Error(`no CASEWORK_API_KEY and no ${keyFile}: run \`npm start\` first, or set CASEWORK_API_KEY`);
  }
}

/** A small JSON:API client over fetch (keep-alive connections, as a real integration would use). */
export function createCaseworkClient({ baseUrl, apiKey }: ClientOptions) {
  async function send(method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}) {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1${apiPath}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(`cannot reach ${baseUrl} (is \`npm start\` running?): ${(error as Error).message}`, {
        cause: error,
      });
    }
    const text = await response.text();
    if (response.status === 429) {
      throw new RateLimitedError(
        `${method} ${apiPath} answered 429 (RateLimit-Limit ${response.headers.get('ratelimit-limit')}): ` +
          'start the stack with a higher RATE_LIMIT_MAX, e.g. RATE_LIMIT_MAX=10000000 npm start',
      );
    }
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error message
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  return {
    send,
    /** Sends and insists on `expected`; resolves the response's `data`. */
    async expect<T>(
      expected: number,
      method: string,
      apiPath: string,
      body?: unknown,
      headers?: Record<string, string>,
    ): Promise<{ data: T; response: ApiResponse }> {
      const response = await send(method, apiPath, body, headers);
      if (response.status !== expected)
        throw new UnexpectedStatusError(method, apiPath, response.status, response.body);
      return { data: (response.body as { data: T }).data, response };
    },
  };
}

export type CaseworkClient = ReturnType<typeof createCaseworkClient>;
