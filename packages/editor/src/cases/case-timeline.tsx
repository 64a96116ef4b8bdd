import type { CaseResource, EventResource } from '@casework/shared';
import { useState, type FormEvent, type Ref } from 'react';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { formatDateTime } from '../ui/format-time.ts';
import { timelineEntries, type Viewer } from './timeline.ts';
import type { OlderEvents } from './use-older-events.ts';
import { useAction } from './use-action.ts';

interface CaseTimelineProps {
  kase: CaseResource;
  events: readonly EventResource[] | null;
  /** The timeline's older pages, read on demand. */
  older: OlderEvents;
  error: string | null;
  viewer: Viewer & { email: string | null };
  canComment: boolean;
  onCommented: (kase: CaseResource) => void;
  commentRef: Ref<HTMLTextAreaElement>;
}

/** The comment box, then one timeline of the case's events and comments, newest first, each with who did it. */
export function CaseTimeline({
  kase,
  events,
  older,
  error,
  viewer,
  canComment,
  onCommented,
  commentRef,
}: CaseTimelineProps) {
  const api = useApi();
  const action = useAction();
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    void action.run(async () => {
      onCommented(await api.cases.comment(kase.id, body.trim(), viewer.email));
      setBody('');
    });
  };
  return (
    <section className="case-panel" aria-labelledby="case-timeline-heading">
      <h3 id="case-timeline-heading">Timeline</h3>
      {canComment && (
        <form className="case-comment-form" onSubmit={submit}>
          <label htmlFor={`${kase.id}-comment`} className="visually-hidden">
            Comment
          </label>
          <textarea
            id={`${kase.id}-comment`}
            ref={commentRef}
            className="text-input"
            rows={3}
            maxLength={10_000}
            placeholder="Add a comment (c)"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
          />
          <button
            type="submit"
            className="button-primary"
            disabled={action.busy || body.trim() === ''}
            title="Ctrl+Enter"
          >
            {action.busy ? 'Commenting…' : 'Comment'}
          </button>
          {action.error !== null && <ErrorMessage>{action.error}</ErrorMessage>}
        </form>
      )}
      {error !== null && <ErrorMessage>Could not load the timeline. {error}</ErrorMessage>}
      {events === null && error === null && <p className="muted">Loading the timeline…</p>}
      {events !== null && (
        <ol className="case-timeline" data-testid="case-timeline">
          {timelineEntries(events, viewer).map((entry) => (
            <li key={entry.id} className="timeline-entry" data-kind={entry.kind} data-testid="timeline-entry">
              <span className="timeline-head">
                <strong>{entry.actor}</strong> {entry.summary}
                <time dateTime={entry.at} className="muted">
                  {formatDateTime(entry.at)}
                </time>
              </span>
              {entry.body !== null && <p className="timeline-comment">{entry.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {events !== null && older.more && (
        <div className="timeline-older">
          <button type="button" onClick={older.load} disabled={older.loading} data-testid="timeline-older">
            {older.loading ? 'Loading older events…' : 'Show older events'}
          </button>
          {older.error !== null && <ErrorMessage>Could not load older events. {older.error}</ErrorMessage>}
        </div>
      )}
    </section>
  );
}
