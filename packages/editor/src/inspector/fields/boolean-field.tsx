import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';

export function BooleanField({ path, field, value, onChange, label }: FieldOf<'boolean'>) {
  const checked = (value ?? field.default) === true;
  return (
    <FieldRow path={path} label={label} inline>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          className="inspector-checkbox"
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
      )}
    </FieldRow>
  );
}
