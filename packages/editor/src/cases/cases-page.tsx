import { useCallback, useMemo, useRef, useState } from 'react';
import { routeHref } from '../app/route.ts';
import { navigate } from '../app/use-hash-route.ts';
import { activeFirst, useResourceList } from '../case-setup/use-resource-list.ts';
import { useApi } from '../session/use-api.ts';
import { useSession } from '../session/use-session.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { CaseFilterBar } from './case-filter-bar.tsx';
import { CaseList } from './case-list.tsx';
import {
  parseFilters,
  searchRequestOf,
  serializeFilters,
  sortBy,
  withFilter,
  type CaseFilters,
} from './case-filters.ts';
import './cases.css';
import { KeyboardHelp } from './keyboard-help.tsx';
import { QueueSidebar } from './queue-sidebar.tsx';
import { useCaseEvents } from './use-case-events.ts';
import { useCoalesced } from './use-coalesced.ts';
import { useLoaded } from './use-loaded.ts';
import { useShortcuts } from './use-shortcuts.ts';

export const listKeys = [
  ['j', 'Next case'],
  ['k', 'Previous case'],
  ['Enter', 'Open the case'],
  ['/', 'Search by name'],
  ['n', 'Next page'],
  ['p', 'Previous page'],
  ['?', 'This help'],
] as const;

const hrefOf = (filters: CaseFilters) => routeHref({ page: 'cases', query: serializeFilters(filters) });

/**
 * `#/cases?…`: the reviewer console's list. Queues with their open and breached counts, filters kept in the URL,
 * one page of the search's answer; it refetches what changed when the event stream says a case did.
 */
export function CasesPage({ query }: { query: string }) {
  const api = useApi();
  const me = useSession().user?.['email-address'] ?? null;
  const filters = useMemo(() => parseFilters(query), [query]);
  const request = useMemo(() => searchRequestOf(filters, me), [filters, me]);
  const search = useLoaded(useCallback((signal: AbortSignal) => api.cases.search(request, signal), [api, request]));
  const counts = useLoaded(useCallback((signal: AbortSignal) => api.cases.queueCounts(signal), [api]));
  const queues = useResourceList(
    useCallback((signal: AbortSignal) => api.catalog.queues(signal), [api]),
    activeFirst,
  );
  const templates = useResourceList(
    useCallback((signal: AbortSignal) => api.catalog.templates(signal), [api]),
    activeFirst,
  );
  const [active, setActive] = useState(-1);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Every case event may change a row or a count (a breach in any queue shows in the sidebar): refetch both, at
  // most twice a second.
  const refresh = useCoalesced(() => {
    search.reload();
    counts.reload();
  });
  useCaseEvents({}, () => refresh());

  const go = (next: CaseFilters) => navigate(hrefOf(next));
  const page = search.state.status === 'loaded' ? search.state.value : null;
  const rows = page?.cases.length ?? 0;
  const focusRow = (index: number) => {
    if (rows === 0) return;
    const next = Math.max(0, Math.min(rows - 1, index));
    setActive(next);
    document.querySelector<HTMLAnchorElement>(`[data-row-index="${next}"] a`)?.focus();
  };
  useShortcuts({
    j: () => focusRow(active + 1),
    k: () => focusRow(active - 1),
    '/': () => searchRef.current?.focus(),
    n: () => page?.after && go(withFilter(filters, 'page', { kind: 'after', cursor: page.after })),
    p: () => page?.before && go(withFilter(filters, 'page', { kind: 'before', cursor: page.before })),
    '?': () => setHelp(true),
  });

  return (
    <div className="cases-page ui">
      <QueueSidebar
        queues={queues.state.status === 'loaded' ? queues.state.items : []}
        counts={counts.state.status === 'loaded' ? counts.state.value : null}
        selected={filters.queue}
        hrefOf={(queue) => hrefOf(withFilter(filters, 'queue', queue))}
      />
      <section className="cases-main" aria-label="Cases">
        <header className="cases-header">
          <h2 className="cases-title">Cases</h2>
          <button type="button" className="button-quiet" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
            Keyboard: ?
          </button>
        </header>
        {counts.state.status === 'failed' && (
          <ErrorMessage>Could not count the queues’ cases. {counts.state.error}</ErrorMessage>
        )}
        <CaseFilterBar
          filters={filters}
          templates={templates.state.status === 'loaded' ? templates.state.items : []}
          onChange={go}
          searchRef={searchRef}
        />
        <CaseList
          state={search.state}
          filters={filters}
          onRetry={search.reload}
          onSort={(attribute) => go(sortBy(filters, attribute))}
          onPage={(cursor) => go(withFilter(filters, 'page', cursor))}
          onClear={() => go(withFilter(parseFilters(''), 'queue', filters.queue))}
          active={active}
          onActivate={setActive}
        />
      </section>
      {help && <KeyboardHelp keys={listKeys} onClose={() => setHelp(false)} />}
    </div>
  );
}
