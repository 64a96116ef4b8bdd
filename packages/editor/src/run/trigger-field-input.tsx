import { useId } from 'react';
import { formInputOf, type TriggerField } from './trigger-form.ts';

interface TriggerFieldInputProps {
  field: TriggerField;
  value: string | boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

/** One trigger field as a labelled control of its type, with a required mark and its error. */
export function TriggerFieldInput({ field, value, error, onChange }: TriggerFieldInputProps) {
  const id = useId();
  const { input, hint, step } = formInputOf(field);
  const label = (
    <>
      <code>{field.key}</code>
      {field.required && (
        <>
          <span className="required-mark" aria-hidden="true">
            *
          </span>
          <span className="visually-hidden"> (required)</span>
        </>
      )}{' '}
      <span className="form-field-hint">
        {field.type}
        {hint === null ? '' : ` — ${hint}`}
      </span>
    </>
  );
  const common = {
    id,
    name: field.key,
    required: field.required,
    'aria-invalid': error !== undefined,
    'aria-describedby': error === undefined ? undefined : `${id}-error`,
  };

  return (
    <div className={`form-field ${input === 'checkbox' ? 'form-field-inline' : ''}`} data-field={field.key}>
      {input === 'checkbox' ? (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      ) : null}
      <label htmlFor={id}>{label}</label>
      {input === 'json' && (
        <textarea
          {...common}
          className="text-input"
          rows={3}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {input !== 'json' && input !== 'checkbox' && (
        <input
          {...common}
          className="text-input"
          type={input === 'list' ? 'text' : input}
          step={step}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
