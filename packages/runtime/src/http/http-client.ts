import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusedBecause } from './address-guard.ts';
import type { HttpAllowlist } from './http-allowlist.ts';

/** Why a request failed: the kind decides whether trying again can help (http/http-request.ts). */
export type HttpFailureKind = 'refused' | 'invalid' | 'too-large' | 'network';

export class HttpRequestError extends Error {
  constructor(
    message: string,
    readonly kind: HttpFailureKind,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');
const portOf = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

function refusal(host: string, address: string, reason: string) {
  const where = host === address ? address : `${host} (${address})`;
  return new HttpRequestError(
    `refused: ${where} is a ${reason} address; CASEWORK_HTTP_ALLOW can permit it (see the README)`,
    'refused',
  );
}

/**
 * Sends one request with the address guard (http/address-guard.ts) on every address it connects to, a deadline for
 * the whole exchange, and a cap on the answer's size. Never follows redirects. Whatever the server does, the result
 * is an answer or an `HttpRequestError`.
 */
export function createHttpClient(deps: { allowlist: HttpAllowlist }) {
  const { allowlist } = deps;
  const allowed = (host: string, address: string, port: number) =>
    allowlist.allows({ host, address, port }) ? null : refusedBecause(address);

  /** A resolver that refuses the whole request when any address of the name is refused. */
  const guardedLookup =
    (port: number): LookupFunction =>
    (hostname, options, callback) => {
      dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 4);
        for (const { address } of addresses) {
          const reason = allowed(hostname, address, port);
          if (reason !== null) return callback(refusal(hostname, address, reason), '', 4);
        }
        const [first] = addresses;
        if (!first) return callback(new HttpRequestError(`${hostname} has no address`, 'network'), '', 4);
        if (options.all) (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
        else callback(null, first.address, first.family);
      });
    };

  return {
    send(request: OutgoingRequest): Promise<HttpAnswer> {
      const { url } = request;
      const host = hostOf(url);
      const port = portOf(url);
      if (isIP(host)) {
        const reason = allowed(host, host, port);
        if (reason !== null) return Promise.reject(refusal(host, host, reason));
      }
      return new Promise<HttpAnswer>((resolve, reject) => {
        let settled = false;
        const finish = (error: Error | null, answer?: HttpAnswer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error) {
            reject(error instanceof HttpRequestError ? error : new HttpRequestError(networkMessage(error), 'network'));
          } else if (answer) resolve(answer);
        };
        const seconds = Math.round(request.timeoutMs / 100) / 10;
        const timer = setTimeout(() => {
          finish(new HttpRequestError(`no complete answer within ${seconds} s`, 'network'));
          outgoing?.destroy();
        }, request.timeoutMs);

        const onResponse = (response: IncomingMessage) => {
          const declared = Number(response.headers['content-length']);
          if (Number.isFinite(declared) && declared > request.maxResponseBytes) {
            finish(tooLarge(request.maxResponseBytes, declared));
            response.destroy();
            return;
          }
          const chunks: Buffer[] = [];
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > request.maxResponseBytes) {
              finish(tooLarge(request.maxResponseBytes));
              response.destroy();
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', (error) => finish(error));
          response.on('aborted', () => finish(new HttpRequestError('the server closed the answer early', 'network')));
          response.on('end', () =>
            finish(null, {
              status: response.statusCode ?? 0,
              statusText: (response.statusMessage ?? '').slice(0, 100),
              headers: flatHeaders(response.headers),
              body: Buffer.concat(chunks),
            }),
          );
        };

        let outgoing: http.ClientRequest | undefined;
        try {
          const send = url.protocol === 'https:' ? https.request : http.request;
          outgoing = send(
            {
              protocol: url.protocol,
              hostname: host,
              port,
              path: `${url.pathname}${url.search}`,
              method: request.method,
              headers: request.headers,
              lookup: guardedLookup(port),
              agent: false,
            },
            onResponse,
          );
        } catch (error) {
          // Node refuses some values outright (a header value with a line break).
          finish(new HttpRequestError(error instanceof Error ? error.message : String(error), 'invalid'));
          return;
        }
        outgoing.on('error', (error) => finish(error));
        if (request.body !== null) outgoing.end(request.body);
        else outgoing.end();
      });
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

const tooLarge = (max: number, declared?: number) =>
  new HttpRequestError(
    `the answer is larger than the step's max-response-bytes (${max} bytes${declared === undefined ? '' : `; it declares ${declared}`})`,
    'too-large',
  );

function networkMessage(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
