import { relationshipsOf } from './case-relationships.ts';
import type { CaseResource, EventResource } from '@casework/shared';
import { useCallback, useRef, useState } from 'react';
import { routeHref } from '../app/route.ts';
import { navigate } from '../app/use-hash-route.ts';
import { activeFirst, useResourceList } from '../case-setup/use-resource-list.ts';
import { usePermissions } from '../session/use-permissions.ts';
import { useApi } from '../session/use-api.ts';
import { useSession } from '../session/use-session.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseFieldsForm } from './case-fields-form.tsx';
import { CaseObjects } from './case-objects.tsx';
import { CaseRuns } from './case-runs.tsx';
import { CaseSummary } from './case-summary.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import './cases.css';
import { KeyboardHelp } from './keyboard-help.tsx';
import { mergeEvents } from './timeline.ts';
import { useAction } from './use-action.ts';
import { useCaseEvents } from './use-case-events.ts';
import { useCoalesced } from './use-coalesced.ts';
import { useLoaded } from './use-loaded.ts';
import { useOlderEvents } from './use-older-events.ts';
import { useShortcuts } from './use-shortcuts.ts';

export const caseKeys = [
  ['s', 'Focus the status'],
  ['m', 'Assign to me'],
  ['a', 'Focus “Assign to”'],
  ['c', 'Write a comment (Ctrl+Enter sends it)'],
  ['e', 'Edit the first field'],
  ['u', 'Back to the case list'],
  ['?', 'This help'],
] as const;

/**
 * `#/cases/<id>`: one case, its fields as a form, its objects, timeline and runs, and what a reviewer does to it.
 * The case's live events refetch the case and its timeline, so a change by a workflow or another reviewer shows.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const api = useApi();
  const { user } = useSession();
  const { work } = usePermissions();
  const me = user?.['email-address'] ?? null;
  const kase = useLoaded(useCallback((signal: AbortSignal) => api.cases.get(caseId, signal), [api, caseId]));
  const templateId =
    kase.state.status === 'loaded' ? relationshipsOf(kase.state.value)['case-template'].data?.id : undefined;
  const template = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        templateId === undefined ? Promise.resolve(null) : api.cases.template(templateId, signal),
      [api, templateId],
    ),
  );
  const events = useLoaded(useCallback((signal: AbortSignal) => api.cases.events(caseId, signal), [api, caseId]));
  const older = useOlderEvents(caseId, events.state.status === 'loaded' ? events.state.value.next : null);
  const queues = useResourceList(
    useCallback((signal: AbortSignal) => api.catalog.queues(signal), [api]),
    activeFirst,
  );
  const action = useAction();
  const [help, setHelp] = useState(false);
  const statusRef = useRef<HTMLSelectElement>(null);
  const assignRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  // Live: the event joins the timeline at once, and the case is read again (several events, one read).
  const [live, setLive] = useState<readonly EventResource[]>([]);
  const refresh = useCoalesced(kase.reload, 250);
  useCaseEvents({ 'case-id': caseId }, (event) => {
    setLive((current) => mergeEvents(current, [event]).slice(0, 100));
    refresh();
  });
  // A write answers with the case: shown at once; the timeline is read again for the event it recorded.
  const changed = (next: CaseResource) => {
    kase.put(next);
    events.reload();
  };

  useShortcuts({
    s: () => statusRef.current?.focus(),
    a: () => assignRef.current?.focus(),
    m: () => document.querySelector<HTMLButtonElement>('[data-testid="assign-me"]:not(:disabled)')?.click(),
    c: () => commentRef.current?.focus(),
    e: () => document.querySelector<HTMLElement>('.case-fields [data-field]')?.focus(),
    u: () => navigate(routeHref({ page: 'cases', query: '' })),
    '?': () => setHelp(true),
  });

  const back = (
    <a href={routeHref({ page: 'cases', query: '' })} className="case-back">
      ← Cases
    </a>
  );
  if (kase.state.status === 'loading') return <p className="page-message muted">Loading the case…</p>;
  if (kase.state.status === 'failed') {
    const { httpStatus, error } = kase.state;
    return (
      <div className="page-message ui">
        <ErrorMessage
          action={
            httpStatus === 404 || httpStatus === 403 ? undefined : (
              <button type="button" onClick={kase.reload}>
                Try again
              </button>
            )
          }
        >
          {httpStatus === 404
            ? 'There is no case with this id.'
            : httpStatus === 403
              ? `Your role may not read cases. ${error}`
              : `The case could not be loaded. ${error}`}
        </ErrorMessage>
        {back}
      </div>
    );
  }
  const current = kase.state.value;
  const loadedTemplate = template.state.status === 'loaded' ? template.state.value : null;
  const eventList: EventResource[] | null =
    events.state.status === 'loaded' ? mergeEvents(events.state.value.events, live, older.events) : null;
  const queueList = queues.state.status === 'loaded' ? queues.state.items : [];
  return (
    <div className="case-page ui" data-testid="case-page" data-case-id={current.id}>
      <div className="case-page-inner">
        {back}
        <CaseSummary
          kase={current}
          template={loadedTemplate}
          queues={queueList}
          canEdit={work}
          onChanged={changed}
          onHelp={() => setHelp(true)}
        />
        {template.state.status === 'failed' && (
          <ErrorMessage>Could not load the case’s template. {template.state.error}</ErrorMessage>
        )}
        <div className="case-columns">
          <div className="case-column">
            <CaseFieldsForm
              kase={current}
              schemas={loadedTemplate?.attributes['field-schemas'] ?? []}
              canEdit={work && current.attributes['redacted-at'] === null}
              onSaved={changed}
            />
            <CaseObjects relationships={relationshipsOf(current)} />
            <CaseRuns
              runIds={relationshipsOf(current)['workflow-runs'].data.map((run) => run.id)}
              version={current.attributes['updated-at']}
            />
          </div>
          <div className="case-column">
            {work && (
              <CaseActions
                kase={current}
                template={loadedTemplate}
                queues={queueList}
                me={me}
                onChanged={changed}
                statusRef={statusRef}
                assignRef={assignRef}
                action={action}
              />
            )}
            <CaseTimeline
              kase={current}
              events={eventList}
              older={older}
              error={events.state.status === 'failed' ? events.state.error : null}
              viewer={{ id: user?.['actor-id'] ?? null, email: me }}
              canComment={work}
              onCommented={changed}
              commentRef={commentRef}
            />
          </div>
        </div>
      </div>
      {help && <KeyboardHelp keys={caseKeys} onClose={() => setHelp(false)} />}
    </div>
  );
}
