import type { CaseQueueResource } from '@casework/shared';
import { useApi } from '../session/use-api.ts';
import { CreateByNameForm } from '../ui/create-by-name-form.tsx';

/** "New queue": a name is all a queue needs. The name stays in the input if creating fails. */
export function QueueForm({ onCreated }: { onCreated: (queue: CaseQueueResource) => void }) {
  const api = useApi();
  return (
    <CreateByNameForm
      formLabel="New queue"
      label="New queue name"
      placeholder="New queue name, e.g. KYC reviews"
      submitLabel="Create queue"
      onCreate={async (name) => onCreated(await api.catalog.createQueue(name))}
    />
  );
}
