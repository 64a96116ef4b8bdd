import type { EventResource } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { mergeEvents, timelineEntries } from '../../src/cases/timeline.ts';

const event = (
  id: string,
  at: string,
  name: EventResource['attributes']['name'],
  payload: Record<string, unknown>,
  actor: [EventResource['attributes']['actor-type'], string | null] = ['user', 'usr_me'],
): EventResource => ({
  type: 'event',
  id,
  attributes: {
    name,
    'created-at': at,
    'case-id': 'case_1',
    'workflow-run-id': null,
    'actor-type': actor[0],
    'actor-id': actor[1],
    payload,
  },
});

const created = event('evt_1', '2026-12-05T10:00:00.000Z', 'case.created', { status: 'Open' }, [
  'workflow-run',
  'wfr_1',
]);
const commented = event(
  'evt_2',
  '2026-12-05T10:05:00.000Z',
  'case.commented',
  { 'comment-id': 'ccom_1', body: 'Checked the ID.' },
  ['user', 'ada@example.com'],
);
const approved = event('evt_3', '2026-12-05T10:05:00.000Z', 'case.status-updated', { from: 'Open', to: 'Approved' });

describe('the case timeline', () => {
  it('merges fetched pages and live events newest first, each once, ids breaking ties of equal times', () => {
    expect(mergeEvents([approved, created], [commented, approved]).map((e) => e.id)).toEqual([
      'evt_3',
      'evt_2',
      'evt_1',
    ]);
    expect(mergeEvents([], [])).toEqual([]);
  });

  it('tells comments from events and names who did each, "you" for the signed-in user', () => {
    const entries = timelineEntries(mergeEvents([created, commented, approved]), {
      id: 'usr_me',
      email: 'me@example.com',
    });
    expect(entries.map(({ kind, actor, summary, body, runId }) => ({ kind, actor, summary, body, runId }))).toEqual([
      { kind: 'event', actor: 'you', summary: 'set the status from Open to Approved', body: null, runId: null },
      { kind: 'comment', actor: 'ada@example.com', summary: 'commented', body: 'Checked the ID.', runId: null },
      {
        kind: 'event',
        actor: 'workflow run wfr_1',
        summary: 'created the case in status Open',
        body: null,
        runId: 'wfr_1',
      },
    ]);
  });

  it('describes breaches, assignments, queue moves and cleared SLAs in words', () => {
    const summaries = timelineEntries(
      [
        event('evt_4', '2026-12-05T11:00:00Z', 'case.sla-expired', {}, [null, null]),
        event('evt_5', '2026-12-05T11:00:00Z', 'case.assigned', { 'assignee-id': 'bob@example.com' }, [
          'api-key',
          'key_1',
        ]),
        event('evt_6', '2026-12-05T11:00:00Z', 'case.queue-updated', { from: 'cqueue_1', to: null }),
        event('evt_7', '2026-12-05T11:00:00Z', 'case.sla-set', { 'sla-expires-at': null }),
        event('evt_8', '2026-12-05T11:00:00Z', 'case.assigned', { 'assignee-id': 'me@example.com' }),
      ],
      { id: null, email: 'me@example.com' },
    ).map((entry) => `${entry.actor}: ${entry.summary}`);
    expect(summaries).toEqual([
      'Casework: SLA breached',
      'API key key_1: assigned the case to bob@example.com',
      'usr_me: took the case out of its queue',
      'usr_me: cleared the SLA',
      'usr_me: assigned the case to you',
    ]);
  });
});
