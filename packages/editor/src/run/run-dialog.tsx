import type { WorkflowRunResource } from '@casework/shared';
import { useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { useApi } from '../session/use-api.ts';
import { describeError } from '../ui/describe-error.ts';
import { FormDialog } from '../ui/form-dialog.tsx';
import { TriggerFieldInput } from './trigger-field-input.tsx';
import { initialFormValues, payloadFromForm, type TriggerField } from './trigger-form.ts';

interface RunDialogProps {
  workflowId: string;
  versionNumber: number;
  fields: TriggerField[];
  onStarted: (run: WorkflowRunResource) => void;
  onClose: () => void;
}

/** The API's 422 names each input it refused; anything else is described as usual. */
const describeFailure = (failure: unknown) =>
  isApiRequestError(failure) && failure.status === 422
    ? `The API refused the input:\n${failure.messages.join('\n')}`
    : describeError(failure);

/** A test run: a form made from the live version's trigger fields, an optional Idempotency-Key, and start. */
export function RunDialog({ workflowId, versionNumber, fields, onStarted, onClose }: RunDialogProps) {
  const api = useApi();
  const [values, setValues] = useState(() => initialFormValues(fields));
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const start = async () => {
    const payload = payloadFromForm(fields, values);
    if (!payload.ok) {
      setFieldErrors(payload.errors);
      return false;
    }
    setFieldErrors({});
    onStarted(await api.runs.trigger(workflowId, { fields: payload.payload, idempotencyKey }));
  };

  return (
    <FormDialog
      title="Run the workflow"
      className="run-dialog"
      formClassName="run-form"
      noValidate
      submitLabel="Start run"
      busyLabel="Starting…"
      onSubmit={start}
      onFailure={describeFailure}
      onClose={onClose}
    >
      <p className="muted">
        Starts a run of the live version v{versionNumber} (changes not yet published are not part of it) and shows its
        steps on the canvas as it goes.
      </p>
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
          Idempotency-Key <span className="form-field-hint">(optional: the same key always answers the same run)</span>
        </span>
        <input
          className="text-input"
          value={idempotencyKey}
          maxLength={255}
          onChange={(event) => setIdempotencyKey(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
