import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../access/access-fixtures.ts';
import { caseAction, createCase, createQueue, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface StreamedEvent {
  id: string;
  event: string;
  data: { data: { id: string; attributes: { name: string; 'case-id': string } } };
}

/** Opens `GET /api/v1/events/stream` on the listening app and collects the events it sends, parsed. */
async function openStream(baseUrl: string, query: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events/stream${query}`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const received: StreamedEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const data = field('data');
        if (data !== undefined)
          received.push({ id: field('id') ?? '', event: field('event') ?? '', data: JSON.parse(data) });
      }
    }
  })().catch(() => undefined);
  const waitFor = async (count: number) => {
    const deadline = Date.now() + 15_000;
    while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return received;
  };
  return {
    response,
    received,
    waitFor,
    async close() {
      controller.abort();
      await reading;
    },
  };
}

describe('GET /events/stream', () => {
  let t: TestApp;
  let baseUrl: string;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    templateId = (await createTemplate(t)).id;
  });
  afterAll(async () => t.close());

  it("streams a queue's case events as they happen, and nothing of other queues", async () => {
    const [watched, other] = [await createQueue(t, 'Watched'), await createQueue(t, 'Other')];
    const stream = await openStream(baseUrl, `?filter[queue-id]=${watched.id}`, t.auth);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const elsewhere = await createCase(t, templateId, { attributes: { 'case-queue-id': other.id } });
    const mine = await createCase(t, templateId, { attributes: { 'case-queue-id': watched.id } });
    expect((await caseAction(t, mine.id, 'set-status', { status: 'approved' })).statusCode).toBe(200);

    const events = await stream.waitFor(3);
    await stream.close();
    expect(events.map((e) => e.event)).toEqual(['case.created', 'case.status-updated', 'case.resolved']);
    expect(events.every((e) => e.data.data.attributes['case-id'] === mine.id)).toBe(true);
    expect(events.map((e) => e.id)).toEqual(events.map((e) => e.data.data.id));
    expect(JSON.stringify(events)).not.toContain(elsewhere.id);
  });

  it('replays what a client missed when it reconnects with Last-Event-ID', async () => {
    const kase = await createCase(t, templateId);
    const first = await openStream(baseUrl, `?filter[case-id]=${kase.id}`, t.auth);
    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'first' });
    const [seen] = await first.waitFor(1);
    await first.close();
    expect(seen?.event).toBe('case.updated');

    // Offline meanwhile: two more changes.
    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'second' });
    await caseAction(t, kase.id, 'set-status', { status: 'in-review' });
    const resumed = await openStream(baseUrl, `?filter[case-id]=${kase.id}`, {
      ...t.auth,
      'last-event-id': seen?.id ?? '',
    });
    await caseAction(t, kase.id, 'add-tag', { 'tag-name': 'third' });
    const events = await resumed.waitFor(3);
    await resumed.close();
    expect(events.map((e) => e.event)).toEqual(['case.updated', 'case.status-updated', 'case.updated']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events.map((e) => e.id)).not.toContain(seen?.id);
  });

  it('asks for credentials and a reading role, and refuses unknown filters', async () => {
    expect((await fetch(`${baseUrl}/api/v1/events/stream`)).status).toBe(401);
    const trigger = await createKey(t, 'trigger');
    expect((await fetch(`${baseUrl}/api/v1/events/stream`, { headers: trigger.headers })).status).toBe(403);
    const bad = await fetch(`${baseUrl}/api/v1/events/stream?filter[colour]=red`, { headers: t.auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});
