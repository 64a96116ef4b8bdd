import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { SelectInput } from '../select-input.tsx';

/** One of a fixed set of strings (an event name, a duration unit, a payload field type). */
export function EnumField({ path, field, value, onChange, label, required }: FieldOf<'enum'>) {
  const current = typeof (value ?? field.default) === 'string' ? String(value ?? field.default) : '';
  const options = field.options.map((option) => ({ value: option, label: option }));
  if (current !== '' && !field.options.includes(current))
    options.push({ value: current, label: `${current} (unknown)` });
  return (
    <FieldRow path={path} label={label} required={required}>
      {({ inputId, describedBy, invalid }) => (
        <SelectInput
          id={inputId}
          value={current}
          options={options}
          empty={required ? 'Choose…' : '— none —'}
          emptySelectable={!required}
          describedBy={describedBy}
          invalid={invalid}
          onChange={(next) => onChange(next === '' ? undefined : next)}
        />
      )}
    </FieldRow>
  );
}
