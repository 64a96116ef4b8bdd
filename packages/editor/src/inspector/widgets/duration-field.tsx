import { useId } from 'react';
import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldProps } from '../field-props.ts';
import { FieldGroup } from '../fields/field-group.tsx';
import { NumberInput } from '../fields/number-input.tsx';
import { paramsPointer } from '../form/form-path.ts';
import { asRecord, withProperty } from '../form/immutable.ts';
import { SelectInput } from '../select-input.tsx';

/** `{ amount, unit }` (durations, timeouts, SLAs, retry intervals): a whole number and a unit select. */
export function DurationField({ path, field, value, onChange, label, required }: FieldProps) {
  const id = useId();
  const issues = useFieldIssues(paramsPointer(path));
  const duration = asRecord(value ?? field.default);
  const properties = field.kind === 'object' ? field.properties : [];
  const unitField = properties.find((property) => property.key === 'unit')?.field;
  const units = unitField?.kind === 'enum' ? unitField.options : [];
  const unit = typeof duration.unit === 'string' ? duration.unit : '';
  const options = units.map((name) => ({ value: name, label: name }));
  if (unit !== '' && !units.includes(unit)) options.push({ value: unit, label: `${unit} (not allowed here)` });
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  return (
    <FieldGroup path={path} label={label} required={required} className="inspector-duration">
      <div className="inspector-duration-inputs">
        <NumberInput
          id={`${id}-amount`}
          ariaLabel={`${label}: amount`}
          value={duration.amount}
          integer
          min={1}
          describedBy={issuesId}
          invalid={issues.length > 0}
          onChange={(amount) => onChange(withProperty(duration, 'amount', amount))}
        />
        <SelectInput
          id={`${id}-unit`}
          ariaLabel={`${label}: unit`}
          value={unit}
          options={options}
          empty="unit…"
          describedBy={issuesId}
          onChange={(next) => onChange(withProperty(duration, 'unit', next))}
        />
      </div>
      <IssueList issues={issues} id={issuesId} />
    </FieldGroup>
  );
}
