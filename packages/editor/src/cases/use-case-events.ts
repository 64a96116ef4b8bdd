import { caseEventNames, eventResourceSchema, type EventResource } from '@casework/shared';
import { useEffect, useRef } from 'react';
import { API_PREFIX } from '../api/api-client.ts';
import { useSession } from '../session/use-session.ts';

/** Which live events a page wants (`GET /api/v1/events/stream` filters); null subscribes to nothing. */
export type EventFilter = { 'case-id': string } | { 'queue-id': string } | Record<string, never>;

/**
 * Calls `onEvent` for every case event the stream sends that matches `filter`, while the page is open. The browser's
 * EventSource sends the session cookie, reconnects by itself and resumes with `Last-Event-ID`; the source is closed
 * when the page goes or the filter changes. The stream names each event (`event: case.assigned`), so each name is
 * listened to.
 */
export function useCaseEvents(filter: EventFilter | null, onEvent: (event: EventResource) => void) {
  const { baseUrl } = useSession();
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  const key = filter === null ? null : JSON.stringify(filter);
  useEffect(() => {
    if (key === null) return;
    const query = new URLSearchParams(
      Object.entries(JSON.parse(key) as Record<string, string>).map(([name, value]) => [`filter[${name}]`, value]),
    ).toString();
    const source = new EventSource(`${baseUrl}${API_PREFIX}/events/stream${query === '' ? '' : `?${query}`}`, {
      withCredentials: true,
    });
    const listener = (message: MessageEvent<string>) => {
      const event = eventOf(message.data);
      if (event !== null) latest.current(event);
    };
    for (const name of caseEventNames) source.addEventListener(name, listener);
    return () => source.close();
  }, [baseUrl, key]);
}

/** The event a message carries (`{ data: <event resource> }`), or null for anything else. */
function eventOf(data: string): EventResource | null {
  try {
    const parsed = eventResourceSchema.safeParse((JSON.parse(data) as { data?: unknown }).data);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
