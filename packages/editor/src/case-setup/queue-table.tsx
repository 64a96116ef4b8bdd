import type { CaseQueueResource } from '@casework/shared';
import { memo } from 'react';
import { useApi } from '../session/use-api.ts';
import { DataTable } from '../ui/data-table.tsx';
import { RecordCells } from './record-cells.tsx';

interface QueueTableProps {
  queues: readonly CaseQueueResource[];
  onChanged: (queue: CaseQueueResource) => void;
}

const columns = ['Name', 'Id', 'Status'];

/** The queues by name, with their ids: the workflow editor's queue picker lists queues by id. */
export function QueueTable({ queues, onChanged }: QueueTableProps) {
  return (
    <DataTable className="case-setup-table" columns={columns}>
      {queues.map((queue) => (
        <QueueRow key={queue.id} queue={queue} onChanged={onChanged} />
      ))}
    </DataTable>
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
      <RecordCells
        name={name}
        status={status}
        subject={`queue “${name}”`}
        onArchive={async () => onChanged(await api.catalog.archiveQueue(queue.id))}
      >
        <p>It can no longer receive cases or be a template’s SLA breach queue. Cases already in it stay there.</p>
      </RecordCells>
    </tr>
  );
});
