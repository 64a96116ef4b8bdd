import type { WorkflowRunResource } from '@casework/shared';
import { useId, useState, type FormEvent } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { TriggerFieldInput } from './trigger-field-input.tsx';
import { initialFormValues, payloadFromForm, type TriggerField } from './trigger-form.ts';

interface RunDialogProps {
  workflowId: string;
  versionNumber: number;
  fields: TriggerField[];
  onStarted: (run: WorkflowRunResource) => void;
  onClose: () => void;
}

/** A test run: a form made from the live version's trigger fields, an optional Idempotency-Key, and start. */
export function RunDialog({ workflowId, versionNumber, fields, onStarted, onClose }: RunDialogProps) {
  const api = useApi();
  const [values, setValues] = useState(() => initialFormValues(fields));
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const payload = payloadFromForm(fields, values);
    if (!payload.ok) {
      setFieldErrors(payload.errors);
      return;
    }
    setFieldErrors({});
    setError(null);
    setBusy(true);
    try {
      onStarted(await api.runs.trigger(workflowId, { fields: payload.payload, idempotencyKey }));
      onClose();
    } catch (failure) {
      setError(
        isApiRequestError(failure) && failure.status === 422
          ? `The API refused the input:\n${failure.messages.join('\n')}`
          : describeError(failure),
      );
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title="Run the workflow"
      className="run-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button-primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start run'}
          </button>
        </>
      }
    >
      <p className="muted">
        Starts a run of the live version v{versionNumber} (changes not yet published are not part of it) and shows its
        steps on the canvas as it goes.
      </p>
      <form id={formId} className="run-form" onSubmit={(event) => void start(event)} noValidate>
        {fields.length === 0 && <p className="muted">The trigger takes no fields.</p>}
        {fields.map((field) => (
          <TriggerFieldInput
            key={field.key}
            field={field}
            value={values[field.key] ?? ''}
            error={fieldErrors[field.key]}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
        <label className="form-field">
          <span>
            Idempotency-Key{' '}
            <span className="form-field-hint">(optional: the same key always answers the same run)</span>
          </span>
          <input
            className="text-input"
            value={idempotencyKey}
            maxLength={255}
            onChange={(event) => setIdempotencyKey(event.target.value)}
          />
        </label>
      </form>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </ModalDialog>
  );
}
