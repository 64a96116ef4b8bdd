import type { FastifyInstance } from 'fastify';
import { answerUnrouted } from './error-handler.ts';

/**
 * The methods each registered path answers, so a known path asked with another method gets 405 with `Allow`
 * (RFC 9110) instead of 404. Collects routes as they are added: register it before the routes.
 */
export function trackRouteMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: string[]; fixed: boolean }[] = [];
  app.addHook('onRoute', (route) => {
    // Catch-alls (static files, the editor's pages) say nothing about which paths exist.
    if (route.url.includes('*')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    routes.push({ pattern: patternOf(route.url), methods, fixed: !route.url.includes(':') });
  });
  const allowedMethods = (path: string) => {
    const allowed = new Set<string>();
    // A path registered as such (`/cases/search`) is its own resource, though a parameter route matches it too
    // (`/cases/:id`, where another method would look for a case with id "search"): it allows its own methods.
    const matching = routes.filter((route) => route.pattern.test(path));
    const fixed = matching.filter((route) => route.fixed);
    for (const route of fixed.length > 0 ? fixed : matching) for (const method of route.methods) allowed.add(method);
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  };
  // A request no route takes is answered before its body is parsed (after authentication, an `onRequest` hook):
  // nothing reads that body, and one Fastify refuses (a QUERY without Content-Type, malformed JSON) must not turn
  // the 405 or 404 into a 400. GET and HEAD carry no body, and the editor's pages may still answer them.
  app.addHook('preParsing', async (request, reply, payload) => {
    if (request.is404 && request.method !== 'GET' && request.method !== 'HEAD') {
      await answerUnrouted(request, reply, { allowedMethods });
    }
    return payload;
  });
  return allowedMethods;
}

/** `/api/v1/cases/:id` → a pattern matching `/api/v1/cases/<one segment>`. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}
