import type { CaseQueueResource } from '@casework/shared';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

/** "New queue": a name is all a queue needs. The name stays in the input if creating fails. */
export function QueueForm({ onCreated }: { onCreated: (queue: CaseQueueResource) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.catalog.createQueue(name.trim()));
      setName('');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="case-setup-inline-form" aria-label="New queue" onSubmit={(event) => void create(event)}>
      <label htmlFor={inputId} className="visually-hidden">
        New queue name
      </label>
      <input
        id={inputId}
        className="text-input"
        placeholder="New queue name, e.g. KYC reviews"
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create queue'}
      </button>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
