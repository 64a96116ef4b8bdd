import type { ReactNode } from 'react';
import type { PickerOption } from '../catalog/catalog-options.ts';
import { ExpressionInput } from '../expression-input.tsx';
import { FieldRow } from '../field-row.tsx';
import type { FormPath } from '../form/form-path.ts';
import { SelectInput } from '../select-input.tsx';

interface PickerFieldProps {
  path: FormPath;
  label: string;
  required: boolean;
  value: string;
  onChange: (next: string | undefined) => void;
  /** The choices; null when they aren't known (no catalog yet, template unknown): the user types instead. */
  options: readonly PickerOption[] | null;
  /** The empty choice: `Choose a template…`. */
  empty: string;
  /** Why the user types instead of choosing, when `options` is null (and where to make choices, if anywhere). */
  typeHint: ReactNode;
  hint?: ReactNode;
}

/** A select of catalog or graph choices, falling back to a text input while the choices are unknown. */
export function PickerField(props: PickerFieldProps) {
  const { path, label, required, value, onChange, options, empty, typeHint, hint } = props;
  const commit = (next: string) => onChange(next === '' && !required ? undefined : next);
  return (
    <FieldRow
      path={path}
      label={label}
      required={required}
      hint={options === null ? typeHint : hint}
      exclude={options === null ? ['expression-syntax'] : []}
    >
      {({ inputId, describedBy, invalid }) =>
        options === null ? (
          <ExpressionInput id={inputId} value={value} onChange={commit} describedBy={describedBy} invalid={invalid} />
        ) : (
          <SelectInput
            id={inputId}
            value={value}
            options={options}
            empty={required ? empty : '— none —'}
            emptySelectable={!required}
            describedBy={describedBy}
            invalid={invalid}
            onChange={commit}
          />
        )
      }
    </FieldRow>
  );
}
