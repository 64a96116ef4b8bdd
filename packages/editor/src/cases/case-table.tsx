import type { CaseResource } from '@casework/shared';
import { routeHref } from '../app/route.ts';
import { formatDateTime } from '../ui/format-time.ts';
import type { SortAttribute, SortDirection } from './search-query.ts';
import { CaseStatusBadge } from './case-status-badge.tsx';
import { SlaBadge } from './sla-badge.tsx';

interface CaseTableProps {
  cases: readonly CaseResource[];
  sort: { attribute: SortAttribute; direction: SortDirection };
  onSort: (attribute: SortAttribute) => void;
  /** The row `j`/`k` moved to, or -1. */
  active: number;
  onActivate: (index: number) => void;
  now: number;
}

const columns: readonly { label: string; sort: SortAttribute | null }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Status', sort: 'status' },
  { label: 'Assignee', sort: null },
  { label: 'SLA', sort: 'sla-expires-at' },
  { label: 'Tags', sort: null },
  { label: 'Updated', sort: 'updated-at' },
];

/** One page of cases; column headings sort (again: the other way), each name opens its case. */
export function CaseTable({ cases, sort, onSort, active, onActivate, now }: CaseTableProps) {
  return (
    <table className="data-table case-table" data-testid="case-table">
      <thead>
        <tr>
          {columns.map((column) => {
            const sorted = column.sort !== null && column.sort === sort.attribute;
            return (
              <th
                key={column.label}
                scope="col"
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sort === null ? (
                  column.label
                ) : (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => column.sort && onSort(column.sort)}
                    title={`Sort by ${column.label.toLowerCase()}`}
                  >
                    {column.label}
                    <span aria-hidden="true">{sorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {cases.map((kase, index) => {
          const { attributes } = kase;
          return (
            <tr
              key={kase.id}
              data-testid="case-row"
              data-case-id={kase.id}
              data-row-index={index}
              aria-selected={index === active}
              className={index === active ? 'case-row-active' : undefined}
            >
              <th scope="row">
                <a href={routeHref({ page: 'case', caseId: kase.id })} onFocus={() => onActivate(index)}>
                  {attributes.name}
                </a>
              </th>
              <td>
                <CaseStatusBadge status={attributes.status} resolved={attributes['resolved-at'] !== null} />
              </td>
              <td>{attributes['assignee-id'] ?? <span className="muted">unassigned</span>}</td>
              <td>
                <SlaBadge times={attributes} now={now} />
              </td>
              <td>
                <span className="case-tags">
                  {attributes.tags.map((tag) => (
                    <span key={tag} className="case-tag">
                      {tag}
                    </span>
                  ))}
                </span>
              </td>
              <td className="case-updated">{formatDateTime(attributes['updated-at'])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
