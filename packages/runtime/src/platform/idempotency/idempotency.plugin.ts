import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendErrors } from '../http/error-handler.ts';
import type { StoredResponse } from '../db/platform-collections.ts';
import { requestFingerprint, type IdempotencyClaim, type IdempotencyService } from './idempotency-service.ts';

const HEADER = 'Idempotency-Key';
/** 1–255 printable ASCII characters. */
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

interface HeldClaim {
  claim: IdempotencyClaim;
  heartbeat: NodeJS.Timeout;
}

/** The payload as a string to store, or null when it cannot be stored (a stream). */
function storableBody(payload: unknown): string | null {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null;
}

/**
 * `Idempotency-Key` on every POST in `scope` (docs/architecture.md, "HTTP API conventions"), per API key; register after auth and rate limiting.
 *
 * The key is claimed in `preValidation` — after the body is parsed, before it is validated — so a 400 for a
 * bad body is stored like any other answer. (Bodies that cannot be parsed at all — malformed JSON, 413, 415 —
 * are refused before that and never reach a handler, so answering them again is just as safe.)
 * A duplicate of a request still running waits for its response and replays it; `onSend` stores it.
 */
export function registerIdempotency(scope: FastifyInstance, idempotency: IdempotencyService): void {
  const held = new WeakMap<FastifyRequest, HeldClaim>();

  const letGo = (request: FastifyRequest): HeldClaim | undefined => {
    const claim = held.get(request);
    if (claim) {
      held.delete(request);
      clearInterval(claim.heartbeat);
    }
    return claim;
  };

  scope.addHook('preValidation', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const principalId = request.principal?.id;
    if (request.method !== 'POST' || key === undefined || !principalId) return;
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      return sendErrors(reply, 400, [
        {
          title: 'Bad Request',
          details: `${HEADER} must be 1 to 255 printable ASCII characters.`,
          source: { header: HEADER },
        },
      ]);
    }
    const outcome = await idempotency.claim({
      apiKeyId: principalId,
      key,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
    });
    switch (outcome.kind) {
      case 'claimed': {
        const { claim } = outcome;
        const heartbeat = setInterval(() => {
          idempotency.touch(claim).catch((err: unknown) => request.log.warn({ err }, 'idempotency heartbeat failed'));
        }, idempotency.timing.heartbeatMs);
        heartbeat.unref();
        held.set(request, { claim, heartbeat });
        return;
      }
      case 'replay': {
        const { response } = outcome;
        reply.status(response.statusCode).header('Idempotent-Replayed', 'true');
        if (response.contentType) reply.type(response.contentType);
        return reply.send(response.body);
      }
      case 'mismatch':
        return sendErrors(reply, 422, [
          {
            title: 'Unprocessable Entity',
            details: `This ${HEADER} was already used for a different request (method, path or body); use a new key.`,
            source: { header: HEADER },
          },
        ]);
      case 'in-flight':
        return sendErrors(reply, 409, [
          {
            title: 'Conflict',
            details: `A request with this ${HEADER} is still in progress; retry later to get its response.`,
            source: { header: HEADER },
          },
        ]);
      default:
        return outcome satisfies never;
    }
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const holding = letGo(request);
    if (!holding) return payload;
    const { statusCode } = reply;
    const body = storableBody(payload);
    try {
      // A 5xx is not a complete answer: the failure may be transient (a database or Temporal outage), so the
      // claim is released and a retry with the same key runs the request again rather than replaying the
      // failure. 401 and 429 are never stored either (they are decided before the claim; this is a guard).
      if (statusCode >= 500 || statusCode === 401 || statusCode === 429 || body === null) {
        await idempotency.release(holding.claim);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      const response: StoredResponse = {
        statusCode,
        contentType: typeof contentType === 'string' ? contentType : null,
        body,
      };
      if (!(await idempotency.complete(holding.claim, response))) {
        request.log.warn('idempotency claim was taken over before this response could be stored');
      }
    } catch (err) {
      // The response is already decided; failing it now would hide an effect that happened. The claim stays
      // in flight and is taken over once stale.
      request.log.error({ err }, 'could not store the idempotent response');
    }
    return payload;
  });

  // A request that ends without a response (client gone) stops touching its claim, which then goes stale.
  scope.addHook('onResponse', async (request) => {
    letGo(request);
  });
}
