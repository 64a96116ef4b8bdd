import {
  errorDocumentSchema,
  eventListQuerySchema,
  eventListSchema,
  eventStreamQuerySchema,
  isId,
} from '@casework/shared';
import sseModule from '@fastify/sse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestUrl } from '../../platform/pagination.ts';
import type { EventDocument } from '../case-collections.ts';
import { toEventResource } from '../case-mapper.ts';
import type { CaseService } from '../case-service.ts';
import type { EventFeed } from '../event-feed.ts';
import type { EventRepository } from '../event-repository.ts';

// The package's CommonJS export is the fastify-plugin-wrapped plugin (decorating the scope it is registered in); its
// types describe that export as the module namespace, its named export being the unwrapped function.
const fastifySse = sseModule as unknown as typeof sseModule.fastifySSE;
const error = errorDocumentSchema;
const HEARTBEAT_MS = 15_000;
/** Events replayed after a `Last-Event-ID` at most; a client further behind re-reads `GET /events`. */
const REPLAY_LIMIT = 1_000;

const matches = (query: z.output<typeof eventStreamQuerySchema>) => (event: EventDocument) =>
  (query['filter[name]'] === undefined || event.name === query['filter[name]']) &&
  (query['filter[case-id]'] === undefined || event.caseId === query['filter[case-id]']) &&
  (query['filter[queue-id]'] === undefined || event.queueId === query['filter[queue-id]']) &&
  (query['filter[template-id]'] === undefined || event.templateId === query['filter[template-id]']);

/** `GET /events`: every recorded event, newest first; `GET /events/stream`: new ones as they happen (SSE). */
export const eventRoutes: FastifyPluginAsyncZod<{
  cases: CaseService;
  feed: EventFeed;
  events: EventRepository;
}> = async (app, { cases, feed, events }) => {
  await app.register(fastifySse, { heartbeatInterval: HEARTBEAT_MS });

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'List events',
        description:
          'Newest first, cursor-paginated; `filter[name]`, `filter[case-id]`, `filter[since]` (ISO date-time).',
        security: [{ bearerAuth: [] }],
        querystring: eventListQuerySchema,
        response: { 200: eventListSchema, 400: error, 401: error, 429: error },
      },
    },
    async (request) => {
      const { query } = request;
      const page = await cases.listEvents(
        { name: query['filter[name]'], 'case-id': query['filter[case-id]'], since: query['filter[since]'] },
        query,
        requestUrl(request.url),
      );
      return { data: page.items.map(toEventResource), links: page.links };
    },
  );

  app.get(
    '/events/stream',
    {
      sse: 'only',
      schema: {
        tags: ['events'],
        summary: 'Stream events',
        description:
          'Server-sent events (`text/event-stream`): each case event as it is recorded, as `event: <name>`, ' +
          '`id: <event id>`, `data: <the event resource>`, within about a second of it happening; a comment every ' +
          '15 s keeps the connection open. Filter by `filter[case-id]`, `filter[queue-id]`, `filter[template-id]`, ' +
          '`filter[name]`. Reconnecting with `Last-Event-ID` first replays what was missed (up to 1,000 events). ' +
          'Works with the session cookie, so `new EventSource("/api/v1/events/stream")` in the web app.',
        security: [{ bearerAuth: [] }],
        querystring: eventStreamQuerySchema,
        response: {
          200: {
            description: 'An endless stream of events (`text/event-stream`).',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          400: error,
          401: error,
          429: error,
        },
      },
    },
    async (request, reply) => {
      const wanted = matches(request.query);
      const send = (event: EventDocument) =>
        reply.sse.send({ id: event._id, event: event.name, data: { data: toEventResource(event) } });
      reply.sse.keepAlive();
      const sent = new Set<string>();
      // Live events from now on are held back until the replay is out, so the stream stays in order.
      const held: EventDocument[] = [];
      let replaying = true;
      const unsubscribe = feed.subscribe((event) => {
        if (!wanted(event) || sent.has(event._id)) return;
        if (replaying) held.push(event);
        else void send(event).catch(() => undefined);
      });
      reply.sse.onClose(unsubscribe);
      const lastEventId = reply.sse.lastEventId;
      if (lastEventId && isId('event', lastEventId)) {
        for (const event of (await events.after(lastEventId, REPLAY_LIMIT)).filter(wanted)) {
          sent.add(event._id);
          await send(event);
        }
      }
      replaying = false;
      for (const event of held) if (!sent.has(event._id)) await send(event);
      sent.clear();
      // A first comment, so clients (and proxies) see the stream open before the first event.
      reply.sse.sendHeaders();
      reply.raw.write(': connected\n\n');
    },
  );
};
