import type { FastifyInstance } from 'fastify';

/** No request body of this API nests anywhere near this deep; a deeper one is hostile or broken. */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether a JSON text nests arrays and objects deeper than `limit` (brackets inside strings do not count). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) depth--;
  }
  return false;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fastify's own JSON parser (prototype-poisoning checks included) behind a nesting limit, with an empty body taken
 * as none. A body of 100,000 nested arrays parses fine but overflows the stack of whatever walks it recursively
 * later (hashing it for Idempotency-Key, validating a field value), which would be a 500. Such a body is refused as
 * malformed: 400. A prototype key, in well-formed JSON, is a 422.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = raw.toString(); // a string already, as asked for by `parseAs`
    // `Content-Type: application/json` and no body (what many clients send on a POST without one) is no body:
    // accepted where the body is optional, refused by the route's schema (400) where one is required.
    if (body === '') {
      done(null, undefined);
      return;
    }
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      const error = Object.assign(new Error(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`), {
        statusCode: 400,
      });
      done(error, undefined);
      return;
    }
    // Synchronous; the type allows a promise.
    void parse(request, body, (error, value) => {
      if (error && isJson(body)) {
        // Well-formed JSON that Fastify refused for a prototype key (`__proto__`, `constructor.prototype`): a rule of
        // this API that no schema states, so 422 like any such rule, and not "not valid JSON".
        const refused = new Error('A JSON body must not contain a "__proto__" key or a "constructor.prototype" key.');
        done(Object.assign(refused, { statusCode: 422 }), undefined);
        return;
      }
      done(error, value);
    });
  });
}
