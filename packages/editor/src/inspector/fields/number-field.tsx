import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { NumberInput } from './number-input.tsx';

const range = (minimum: number | undefined, maximum: number | undefined): string | undefined =>
  minimum !== undefined && maximum !== undefined
    ? `${minimum} to ${maximum}`
    : minimum !== undefined
      ? `at least ${minimum}`
      : maximum !== undefined
        ? `at most ${maximum}`
        : undefined;

/** A number or integer; emptying an optional one leaves it out (its default applies). */
export function NumberField({ path, field, value, onChange, label, required }: FieldOf<'number'>) {
  return (
    <FieldRow path={path} label={label} required={required} hint={range(field.minimum, field.maximum)}>
      {({ inputId, describedBy, invalid }) => (
        <NumberInput
          id={inputId}
          value={value ?? field.default}
          integer={field.integer}
          min={field.minimum}
          max={field.maximum}
          describedBy={describedBy}
          invalid={invalid}
          onChange={(next) => {
            if (next !== undefined || !required) onChange(next);
          }}
        />
      )}
    </FieldRow>
  );
}
