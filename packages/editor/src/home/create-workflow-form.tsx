import { useId, useState, type FormEvent } from 'react';
import { navigate } from '../app/use-hash-route.ts';
import { routeHref } from '../app/route.ts';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

/** Names a new workflow, creates it (a draft holding just an API trigger) and opens it. */
export function CreateWorkflowForm() {
  const api = useApi();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const workflow = await api.workflows.create(name.trim());
      navigate(routeHref({ page: 'workflow', workflowId: workflow.id }));
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <form className="create-workflow" onSubmit={(event) => void create(event)}>
      <label htmlFor={inputId} className="visually-hidden">
        New workflow name
      </label>
      <input
        id={inputId}
        className="text-input"
        placeholder="New workflow name, e.g. High-value KYC review"
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create workflow'}
      </button>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
