import type { CaseQueueResource } from '@casework/shared';
import { useState } from 'react';
import { usePermissions } from '../session/use-permissions.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList, type ListLoadState } from '../ui/loadable-list.tsx';
import { QueueForm } from './queue-form.tsx';
import { QueueTable } from './queue-table.tsx';
import { SetupSection } from './setup-section.tsx';

interface QueuesSectionProps {
  queues: ListLoadState<CaseQueueResource>;
  onChanged: (queue: CaseQueueResource) => void;
  onReload: () => void;
}

/** The case queues: a one-field form and the list. */
export function QueuesSection({ queues, onChanged, onReload }: QueuesSectionProps) {
  const { design } = usePermissions();
  const [created, setCreated] = useState<CaseQueueResource | null>(null);
  const onCreated = (queue: CaseQueueResource) => {
    onChanged(queue);
    setCreated(queue);
  };
  return (
    <SetupSection
      heading="Case queues"
      intro={
        <>
          Cases wait in a queue for a reviewer. A Create case step can put its case in one, and a template can move
          cases whose SLA expired to one.
        </>
      }
    >
      {design && <QueueForm onCreated={onCreated} />}
      {created !== null && (
        <p className="case-setup-notice" role="status">
          Queue {created.attributes.name} created (<code>{created.id}</code>).
        </p>
      )}
      <LoadableList
        state={queues}
        loading="Loading case queues…"
        failure="Could not load the case queues."
        onRetry={onReload}
        empty={
          <EmptyState testId="queues-empty">
            <h4>No case queues yet</h4>
            <p>Name your first one above. Cases don’t need a queue, but reviewers find them by queue.</p>
          </EmptyState>
        }
      >
        {(items) => <QueueTable queues={items} onChanged={onChanged} />}
      </LoadableList>
    </SetupSection>
  );
}
