import type { PickerOption } from './catalog/catalog-options.ts';

interface SelectInputProps {
  id: string;
  value: string;
  options: readonly PickerOption[];
  onChange: (value: string) => void;
  /** The empty choice's text: `— none —` for optional values, `Choose a template…` for required ones. */
  empty?: string | undefined;
  /** Whether the empty choice may be picked (optional values) or only shown until one is (required ones). */
  emptySelectable?: boolean;
  describedBy?: string | undefined;
  invalid?: boolean;
  ariaLabel?: string;
}

/** A native select (keyboard and screen readers for free) over picker options. */
export function SelectInput(props: SelectInputProps) {
  const { id, value, options, onChange, empty, emptySelectable, describedBy, invalid, ariaLabel } = props;
  const showEmpty = empty !== undefined && (emptySelectable === true || value === '');
  return (
    <select
      id={id}
      className="inspector-input inspector-select"
      value={value}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      {showEmpty && (
        <option value="" disabled={emptySelectable !== true}>
          {empty}
        </option>
      )}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
