import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/http-client.ts';
import { parseHttpAllowlist } from '../../src/http/http-allowlist.ts';
import { HttpStepError, runHttpStep } from '../../src/http/http-request.ts';
import { SecretUnusableError } from '../../src/secrets/secret-service.ts';

/** A hostile service: each path misbehaves in its own way. */
function hostileServer(): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/slow':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('start');
        return; // never ends
      case '/declares-huge':
        response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
        return response.end('x');
      case '/not-json':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"unterminated": ');
      case '/deep':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(`${'['.repeat(5000)}${']'.repeat(5000)}`);
      case '/problem+json':
        response.writeHead(200, { 'content-type': 'application/problem+json' });
        return response.end('{"title":"ok"}');
      case '/text':
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<p>hi</p>');
      case '/empty':
        response.writeHead(204);
        return response.end();
      case '/busy':
        response.writeHead(429, { 'retry-after': '7' });
        return response.end('slow down');
      case '/down':
        response.writeHead(503);
        return response.end();
      case '/moved':
        response.writeHead(302, { location: 'http://169.254.169.254/' });
        return response.end();
      case '/cut':
        response.writeHead(200, { 'content-length': '100' });
        response.write('partial');
        return response.destroy();
      default:
        response.writeHead(404);
        return response.end();
    }
  });
}

describe('one http.request attempt against a hostile service', () => {
  let server: Server;
  let base: string;
  let port: number;

  beforeAll(async () => {
    server = hostileServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const parsed = parseHttpAllowlist('127.0.0.1');
  if (!parsed.ok) throw new Error(parsed.message);
  const deps = {
    client: createHttpClient({ allowlist: parsed.allowlist }),
    readSecret: async (name: string) => {
      throw new SecretUnusableError(`no secret named "${name}" (create it under Secrets)`);
    },
    now: () => 1_765_000_000,
  };
  const params = (overrides: Record<string, unknown>) => ({
    method: 'GET',
    query: {},
    headers: {},
    body: { type: 'none' },
    timeout: { amount: 1, unit: 'seconds' },
    'retry-on': ['5xx', '429', 'network'],
    'max-response-bytes': 1024,
    ...overrides,
  });
  /** The step error of an attempt that must fail. */
  async function failure(overrides: Record<string, unknown>): Promise<HttpStepError> {
    const error = await runHttpStep(params(overrides), deps).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HttpStepError);
    return error as HttpStepError;
  }

  it('parses JSON (also +json), keeps other answers as text, and an empty one as null', async () => {
    expect(await runHttpStep(params({ url: `${base}/problem+json` }), deps)).toMatchObject({
      status: 200,
      body: { title: 'ok' },
    });
    expect((await runHttpStep(params({ url: `${base}/text` }), deps)).body).toBe('<p>hi</p>');
    expect(await runHttpStep(params({ url: `${base}/empty` }), deps)).toMatchObject({ status: 204, body: null });
  });

  it('gives up on a server that never finishes, as a network failure retry-on decides on', async () => {
    const error = await failure({ url: `${base}/slow` });
    expect(error.message).toBe(`GET ${base}/slow: no complete answer within 1 s`);
    expect(error.retryable).toBe(true);
    expect((await failure({ url: `${base}/slow`, 'retry-on': ['5xx'] })).retryable).toBe(false);
  });

  it('refuses an answer that declares more than the cap before reading it, for good', async () => {
    const error = await failure({ url: `${base}/declares-huge` });
    expect(error.message).toContain("larger than the step's max-response-bytes (1024 bytes; it declares 52428800)");
    expect(error.retryable).toBe(false);
  });

  it('fails on JSON that does not parse or nests too deep, without hurting the worker', async () => {
    expect((await failure({ url: `${base}/not-json` })).message).toContain('says it is JSON but does not parse');
    expect((await failure({ url: `${base}/deep`, 'max-response-bytes': 1_048_576 })).message).toContain(
      'nests deeper than 64 levels',
    );
  });

  it('classes statuses: 5xx and 429 (with Retry-After) retry, 3xx and 4xx do not', async () => {
    const busy = await failure({ url: `${base}/busy` });
    expect(busy).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(busy.message).toBe(`GET ${base}/busy answered 429 Too Many Requests: slow down`);
    expect((await failure({ url: `${base}/down` })).retryable).toBe(true);
    expect((await failure({ url: `${base}/down`, 'retry-on': ['429'] })).retryable).toBe(false);
    const moved = await failure({ url: `${base}/moved` });
    expect(moved.message).toContain('answered 302 Found to http://169.254.169.254/ (redirects are not followed)');
    expect(moved.retryable).toBe(false);
    expect((await failure({ url: `${base}/gone` })).retryable).toBe(false);
  });

  it('treats a connection cut mid-answer or refused as a network failure', async () => {
    expect((await failure({ url: `${base}/cut` })).retryable).toBe(true);
    const closed = await failure({ url: `http://127.0.0.1:1/` });
    expect(closed.message).toContain('ECONNREFUSED');
    expect(closed.retryable).toBe(true);
  });

  it('refuses bad requests at once: a header with a line break, another scheme, credentials in the URL, a missing secret', async () => {
    const injected = await failure({ url: `${base}/text`, headers: { 'X-Evil': 'a\r\nHost: other' } });
    expect(injected).toMatchObject({ retryable: false, message: 'header X-Evil: the value holds a line break' });
    expect((await failure({ url: 'file:///etc/passwd' })).message).toBe(
      'the URL must be http:// or https://, not file:',
    );
    expect((await failure({ url: 'not a url' })).message).toBe('"not a url" is not a URL');
    expect((await failure({ url: `http://user:pw@127.0.0.1:${port}/` })).message).toContain('must not hold a user');
    const unsigned = await failure({ url: `${base}/text`, signature: { secret: 'gone', header: 'Sig' } });
    expect(unsigned).toMatchObject({ retryable: false, message: 'no secret named "gone" (create it under Secrets)' });
    expect((await failure({ url: 42 })).message).toBe('url: the URL must be a string');
  });

  it('refuses addresses outside the allowlist, literal or resolved, and IPv6 forms of them', async () => {
    for (const url of [
      `http://127.0.0.2:${port}/`,
      'http://[::1]/',
      'http://[::ffff:127.0.0.2]/',
      'http://0x7f000002/',
    ]) {
      const error = await failure({ url });
      expect(error.message, url).toContain('refused:');
      expect(error.retryable).toBe(false);
    }
  });
});
