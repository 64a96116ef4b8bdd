import { ExpressionInput } from '../expression-input.tsx';
import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { valueText } from '../form/value-text.ts';

/** A string: an expression input when the schema wants `{{ … }}`, else a plain text input. */
export function TextField({ path, field, value, onChange, label, required }: FieldOf<'text'>) {
  const text = valueText(value ?? field.default);
  const commit = (next: string) => onChange(next === '' && !required ? undefined : next);
  if (field.expression) {
    return (
      <FieldRow
        path={path}
        label={label}
        required={required}
        hint="A JSONata expression in {{ … }}"
        exclude={['expression-syntax']}
      >
        {({ inputId, describedBy, invalid }) => (
          <ExpressionInput
            id={inputId}
            value={text}
            onChange={commit}
            describedBy={describedBy}
            invalid={invalid}
            placeholder="{{ … }}"
          />
        )}
      </FieldRow>
    );
  }
  return (
    <FieldRow path={path} label={label} required={required}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          className="inspector-input"
          type="text"
          value={text}
          maxLength={field.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => commit(event.target.value)}
        />
      )}
    </FieldRow>
  );
}
