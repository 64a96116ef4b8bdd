import type { CasePage } from '../api/cases-api.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { defaultFilters, serializeFilters, type CaseFilters, type PageCursor } from './case-filters.ts';
import { CaseTable } from './case-table.tsx';
import type { SortAttribute } from './search-query.ts';
import type { Loaded } from './use-loaded.ts';
import { useNow } from './use-now.ts';

interface CaseListProps {
  state: Loaded<CasePage>;
  filters: CaseFilters;
  onRetry: () => void;
  onSort: (attribute: SortAttribute) => void;
  onPage: (cursor: PageCursor) => void;
  /** Drops every filter but the queue. */
  onClear: () => void;
  active: number;
  onActivate: (index: number) => void;
}

/** The search's answer: loading, failed (a 403 said plainly), empty (saying why), or a page with its pager. */
export function CaseList({ state, filters, onRetry, onSort, onPage, onClear, active, onActivate }: CaseListProps) {
  const now = useNow();
  switch (state.status) {
    case 'loading':
      return (
        <p className="muted" data-testid="cases-loading">
          Loading cases…
        </p>
      );
    case 'failed':
      return (
        <ErrorMessage
          action={
            state.httpStatus === 403 ? undefined : (
              <button type="button" onClick={onRetry}>
                Try again
              </button>
            )
          }
        >
          {state.httpStatus === 403 ? 'Your role may not read cases.' : 'Could not load the cases.'} {state.error}
        </ErrorMessage>
      );
    case 'loaded':
      break;
  }
  const { cases, after, before } = state.value;
  const filtered = serializeFilters({ ...filters, queue: defaultFilters.queue, page: defaultFilters.page }) !== '';
  if (cases.length === 0) {
    return (
      <EmptyState testId="cases-empty">
        <h3>No cases here</h3>
        <p>
          {filtered
            ? 'No case matches these filters.'
            : filters.queue.kind === 'all'
              ? 'No open cases. Workflows and the Cases API create them.'
              : 'This queue has no open cases.'}
        </p>
        {filtered && (
          <button type="button" onClick={onClear}>
            Clear the filters
          </button>
        )}
      </EmptyState>
    );
  }
  return (
    <div className="case-list" aria-busy={state.refreshing}>
      <CaseTable cases={cases} sort={filters.sort} onSort={onSort} active={active} onActivate={onActivate} now={now} />
      <nav className="case-pager" aria-label="Pages">
        <button
          type="button"
          disabled={before === null}
          onClick={() => before !== null && onPage({ kind: 'before', cursor: before })}
        >
          ← Previous
        </button>
        <button
          type="button"
          disabled={after === null}
          onClick={() => after !== null && onPage({ kind: 'after', cursor: after })}
        >
          Next →
        </button>
      </nav>
    </div>
  );
}
