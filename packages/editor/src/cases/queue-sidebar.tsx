import type { CaseQueueResource } from '@casework/shared';
import type { QueueCounts } from '../api/cases-api.ts';
import type { QueueFilter } from './case-filters.ts';

interface QueueSidebarProps {
  queues: readonly CaseQueueResource[];
  counts: QueueCounts | null;
  selected: QueueFilter;
  /** The href of the list filtered to a queue (filters other than the queue are kept). */
  hrefOf: (queue: QueueFilter) => string;
}

/** The active queues with their open and breached cases; choosing one filters the list. Counts update live. */
export function QueueSidebar({ queues, counts, selected, hrefOf }: QueueSidebarProps) {
  const isSelected = (queue: QueueFilter) =>
    queue.kind === selected.kind && (queue.kind !== 'queue' || (selected.kind === 'queue' && queue.id === selected.id));
  const item = (queue: QueueFilter, name: string, open: number | null, breached: number | null) => (
    <li key={queue.kind === 'queue' ? queue.id : queue.kind}>
      <a
        href={hrefOf(queue)}
        className="queue-link"
        aria-current={isSelected(queue) ? 'page' : undefined}
        data-testid="queue-link"
        data-queue={queue.kind === 'queue' ? queue.id : queue.kind}
      >
        <span className="queue-name">{name}</span>
        {open !== null && (
          <span className="queue-count" title="Open cases" data-testid="open-count">
            {open}
            <span className="visually-hidden"> open</span>
          </span>
        )}
        {breached !== null && breached > 0 && (
          <span
            className="queue-count queue-breached"
            title="Open cases whose SLA is breached"
            data-testid="breached-count"
          >
            {breached}
            <span className="visually-hidden"> breached</span>
          </span>
        )}
      </a>
    </li>
  );
  const active = queues.filter((queue) => queue.attributes.status === 'active');
  return (
    <nav className="queue-sidebar" aria-label="Queues">
      <h2 className="queue-sidebar-title">Queues</h2>
      <ul>
        {item({ kind: 'all' }, 'All cases', null, null)}
        {active.map((queue) => {
          const count = counts?.byQueue.get(queue.id);
          return item(
            { kind: 'queue', id: queue.id },
            queue.attributes.name,
            count?.open ?? null,
            count?.breached ?? null,
          );
        })}
        {item({ kind: 'none' }, 'No queue', counts?.unqueuedOpen ?? null, null)}
      </ul>
      {active.length === 0 && <p className="muted queue-sidebar-note">No queues yet: Case setup makes them.</p>}
    </nav>
  );
}
