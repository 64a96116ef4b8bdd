import type { CaseQueueResource } from '@casework/shared';
import { memo } from 'react';
import { useApi } from '../session/use-api.ts';
import { ArchiveAction } from './archive-action.tsx';
import { RecordStatus } from './record-status.tsx';

interface QueueTableProps {
  queues: readonly CaseQueueResource[];
  onChanged: (queue: CaseQueueResource) => void;
}

/** The queues by name, with their ids: the workflow editor's queue picker lists queues by id. */
export function QueueTable({ queues, onChanged }: QueueTableProps) {
  return (
    <table className="case-setup-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Id</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {queues.map((queue) => (
          <QueueRow key={queue.id} queue={queue} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

const QueueRow = memo(function QueueRow({
  queue,
  onChanged,
}: {
  queue: CaseQueueResource;
  onChanged: (queue: CaseQueueResource) => void;
}) {
  const api = useApi();
  const { name, status } = queue.attributes;
  return (
    <tr data-testid="queue-row" data-queue-id={queue.id} data-status={status}>
      <th scope="row">{name}</th>
      <td>
        <code>{queue.id}</code>
      </td>
      <td>
        <RecordStatus status={status} />
      </td>
      <td className="case-setup-row-actions">
        {status === 'active' && (
          <ArchiveAction
            subject={`queue “${name}”`}
            label={`Archive ${name}`}
            onArchive={async () => onChanged(await api.catalog.archiveQueue(queue.id))}
          >
            <p>It can no longer receive cases or be a template’s SLA breach queue. Cases already in it stay there.</p>
          </ArchiveAction>
        )}
      </td>
    </tr>
  );
});
