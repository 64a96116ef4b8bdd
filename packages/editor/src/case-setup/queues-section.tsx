import type { CaseQueueResource } from '@casework/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../ui/error-message.tsx';
import { QueueForm } from './queue-form.tsx';
import { QueueTable } from './queue-table.tsx';
import type { ResourceListState } from './use-resource-list.ts';

interface QueuesSectionProps {
  queues: ResourceListState<CaseQueueResource>;
  onChanged: (queue: CaseQueueResource) => void;
  onReload: () => void;
}

/** The case queues: a one-field form and the list. */
export function QueuesSection({ queues, onChanged, onReload }: QueuesSectionProps) {
  const [created, setCreated] = useState<CaseQueueResource | null>(null);
  const headingId = useId();
  const onCreated = (queue: CaseQueueResource) => {
    onChanged(queue);
    setCreated(queue);
  };
  return (
    <section className="case-setup-section" aria-labelledby={headingId}>
      <header className="case-setup-section-header">
        <h3 id={headingId}>Case queues</h3>
      </header>
      <p className="muted case-setup-intro">
        Cases wait in a queue for a reviewer. A Create case step can put its case in one, and a template can move cases
        whose SLA expired to one.
      </p>
      <QueueForm onCreated={onCreated} />
      {created !== null && (
        <p className="case-setup-notice" role="status">
          Queue {created.attributes.name} created (<code>{created.id}</code>).
        </p>
      )}
      {queues.status === 'loading' && <p className="muted">Loading case queues…</p>}
      {queues.status === 'failed' && (
        <ErrorMessage
          action={
            <button type="button" onClick={onReload}>
              Try again
            </button>
          }
        >
          Could not load the case queues. {queues.error}
        </ErrorMessage>
      )}
      {queues.status === 'loaded' && queues.items.length === 0 && (
        <div className="case-setup-empty" data-testid="queues-empty">
          <h4>No case queues yet</h4>
          <p>Name your first one above. Cases don’t need a queue, but reviewers find them by queue.</p>
        </div>
      )}
      {queues.status === 'loaded' && queues.items.length > 0 && (
        <QueueTable queues={queues.items} onChanged={onChanged} />
      )}
    </section>
  );
}
