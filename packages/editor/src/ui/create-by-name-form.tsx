import { useId, useState, type FormEvent } from 'react';
import { describeError } from './describe-error.ts';
import { ErrorMessage } from './error-message.tsx';

interface CreateByNameFormProps {
  /** The input's label, for screen readers only (the placeholder shows it): `New queue name`. */
  label: string;
  placeholder: string;
  /** The button: `Create queue`. It reads `Creating…` while `onCreate` runs. */
  submitLabel: string;
  /** The form's accessible name, when the page needs to tell it from its other forms. */
  formLabel?: string;
  /** Creates the record from the trimmed name; a failure is shown under the input, keeping the name. */
  onCreate: (name: string) => Promise<void>;
  /**
   * `onCreate` opens what it made: keep `Creating…` until the page changes, rather than clearing the name for
   * the next one.
   */
  leavesPage?: boolean;
}

/** A one-field form for records a name is all they need to start: a name input and its Create button. */
export function CreateByNameForm({
  label,
  placeholder,
  submitLabel,
  formLabel,
  onCreate,
  leavesPage = false,
}: CreateByNameFormProps) {
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
      await onCreate(name.trim());
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
      return;
    }
    if (leavesPage) return;
    setName('');
    setBusy(false);
  };

  return (
    <form className="create-by-name-form" aria-label={formLabel} onSubmit={(event) => void create(event)}>
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        className="text-input"
        placeholder={placeholder}
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : submitLabel}
      </button>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
