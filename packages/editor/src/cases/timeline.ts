import type { EventResource } from '@casework/shared';

/** One line of a case's timeline: a comment (its text) or another event (what happened), with who did it. */
export interface TimelineEntry {
  id: string;
  at: string;
  kind: 'comment' | 'event';
  /** Who: "you", an e-mail, "workflow run wfr_…", "API key key_…". */
  actor: string;
  /** What happened, one line; for a comment, "commented". */
  summary: string;
  /** A comment's text. */
  body: string | null;
  /** A workflow run that did it, to link to. */
  runId: string | null;
}

/**
 * The events of a case newest first, each once: pages read from `GET /cases/{id}/events` and events that arrived
 * live, in whatever order they came. Ids break ties of equal times (ids sort by creation).
 */
export function mergeEvents(...lists: readonly (readonly EventResource[])[]): EventResource[] {
  const byId = new Map<string, EventResource>();
  for (const list of lists) for (const event of list) byId.set(event.id, event);
  return [...byId.values()].sort(
    (a, b) => b.attributes['created-at'].localeCompare(a.attributes['created-at']) || b.id.localeCompare(a.id),
  );
}

export interface Viewer {
  /** The signed-in user's id (`usr_…`) and e-mail: their own actions read "you". */
  id: string | null;
  email: string | null;
}

export function actorLabel(type: string | null, id: string | null, viewer: Viewer): string {
  if (id === null) return 'Casework';
  if (id === viewer.id || (viewer.email !== null && id === viewer.email)) return 'you';
  switch (type) {
    case 'workflow-run':
      return `workflow run ${id}`;
    case 'api-key':
      return `API key ${id}`;
    default:
      return id;
  }
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === null ? 'none' : JSON.stringify(value);
const list = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(', ') : text(value));

/** What an event did, in a few words; the signed-in user is "you" there too. */
export function describeEvent(event: EventResource, viewer: Viewer = { id: null, email: null }): string {
  const payload = event.attributes.payload;
  switch (event.attributes.name) {
    case 'case.created':
      return `created the case in status ${text(payload.status)}`;
    case 'case.updated':
      return 'changed the tags';
    case 'case.fields-updated':
      return `updated ${list(payload['field-keys'])}`;
    case 'case.objects-added':
      return `attached ${list(payload['object-ids'])}`;
    case 'case.objects-removed':
      return `detached ${list(payload['object-ids'])}`;
    case 'case.status-updated':
      return `set the status from ${text(payload.from)} to ${text(payload.to)}`;
    case 'case.resolved':
      return `resolved the case (${text(payload.status)})`;
    case 'case.reopened':
      return `reopened the case (${text(payload.status)})`;
    case 'case.assigned':
      return payload['assignee-id'] === null
        ? 'unassigned the case'
        : `assigned the case to ${payload['assignee-id'] === viewer.email ? 'you' : text(payload['assignee-id'])}`;
    case 'case.queue-updated':
      return payload.to === null ? 'took the case out of its queue' : `moved the case to queue ${text(payload.to)}`;
    case 'case.sla-set':
      return payload['sla-expires-at'] === null
        ? 'cleared the SLA'
        : `set the SLA to ${text(payload['sla-expires-at'])}`;
    case 'case.sla-expired':
      return 'SLA breached';
    case 'case.commented':
      return 'commented';
    case 'case.redacted':
      return 'redacted the case';
    default:
      return event.attributes.name;
  }
}

export function timelineEntries(events: readonly EventResource[], viewer: Viewer): TimelineEntry[] {
  return events.map((event) => {
    const { attributes } = event;
    const comment = attributes.name === 'case.commented';
    return {
      id: event.id,
      at: attributes['created-at'],
      kind: comment ? 'comment' : 'event',
      actor: actorLabel(attributes['actor-type'], attributes['actor-id'], viewer),
      summary: describeEvent(event, viewer),
      body: comment ? text(attributes.payload.body) : null,
      runId: attributes['actor-type'] === 'workflow-run' ? attributes['actor-id'] : attributes['workflow-run-id'],
    };
  });
}
