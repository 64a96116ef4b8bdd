import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test service saw of one request. */
export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
  signatureValid: boolean | null;
}

/** Checks a Persona-style signature the way a receiver would: `t=…,v1=…` against HMAC-SHA256(secret, "t.body"). */
export function verifySignature(header: string | undefined, secret: string, body: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  if (!parts.t || !parts.v1 || Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A local service for `http.request` tests (node:http on 127.0.0.1):
 * - `POST /hooks` checks the `Casework-Signature` against `secret` (401 when wrong) and answers JSON;
 * - `GET /flaky?key=k&fail=n` answers 503 to the first n requests of each key, then 200;
 * - `GET /big?bytes=n` streams n bytes of text without a Content-Length;
 * - `GET /held?key=k` answers only once `release(k)` is called;
 * - anything else is a 404.
 */
export async function startLocalHttpServer(secret: string) {
  const received: Received[] = [];
  const flaky = new Map<string, number>();
  const held = new Map<string, () => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['casework-signature'];
      const signatureValid = typeof signature === 'string' ? verifySignature(signature, secret, body) : null;
      received.push({
        method: request.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body,
        signatureValid,
      });
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(value));
      };
      if (url.pathname === '/hooks' && request.method === 'POST') {
        if (signatureValid !== true) return json(401, { error: 'bad signature' });
        const payload = JSON.parse(body) as { amount?: number };
        return json(200, { received: payload, risk: (payload.amount ?? 0) >= 10_000 ? 'high' : 'low' });
      }
      if (url.pathname === '/flaky') {
        const key = url.searchParams.get('key') ?? '';
        const seen = (flaky.get(key) ?? 0) + 1;
        flaky.set(key, seen);
        if (seen <= Number(url.searchParams.get('fail') ?? 0)) return json(503, { error: 'try again' });
        return json(200, { ok: true, attempt: seen });
      }
      if (url.pathname === '/held') {
        held.set(url.searchParams.get('key') ?? '', () => json(200, { released: true }));
        return;
      }
      if (url.pathname === '/big') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const total = Number(url.searchParams.get('bytes') ?? 0);
        for (let sent = 0; sent < total; sent += 512) response.write('x'.repeat(Math.min(512, total - sent)));
        return response.end();
      }
      return json(404, { error: 'no such thing' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    /** Answers the request held under `key`; false when none is held (yet). */
    release(key: string): boolean {
      const answer = held.get(key);
      held.delete(key);
      answer?.();
      return answer !== undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const answer of held.values()) answer();
        server.close(() => resolve());
      }),
  };
}
