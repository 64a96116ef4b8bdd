import type { SecretResource } from '@casework/shared';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

/** "New secret": a name and a value; the value is write-only (a password input, cleared once stored). */
export function SecretForm({ onCreated }: { onCreated: (secret: SecretResource) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const valueId = useId();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.secrets.create(name.trim(), value));
      setName('');
      setValue('');
    } catch (failure) {
      setError(describeError(failure));
    }
    setBusy(false);
  };

  return (
    <form className="create-by-name-form" aria-label="New secret" onSubmit={(event) => void create(event)}>
      <label htmlFor={nameId} className="visually-hidden">
        New secret name
      </label>
      <input
        id={nameId}
        className="text-input"
        placeholder="Name, e.g. persona-webhook"
        maxLength={64}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={valueId} className="visually-hidden">
        New secret value
      </label>
      <input
        id={valueId}
        className="text-input"
        type="password"
        placeholder="Value (never shown again)"
        autoComplete="new-password"
        maxLength={4096}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy || name.trim() === '' || value === ''}>
        {busy ? 'Creating…' : 'Create secret'}
      </button>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
