import type { FieldProps } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { valueText } from '../form/value-text.ts';

/** The browser's IANA zones, offered as suggestions; the shared compiler decides what is valid. */
const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

/** `time-zone` of a `trigger.schedule` cron: free text with every IANA zone suggested as it is typed. */
export function TimeZoneField({ path, field, value, onChange, label, required }: FieldProps) {
  const text = valueText(value ?? field.default);
  return (
    <FieldRow path={path} label={label} required={required} hint="An IANA time zone, e.g. Europe/Berlin">
      {({ inputId, describedBy, invalid }) => (
        <>
          <input
            id={inputId}
            className="inspector-input"
            type="text"
            list={`${inputId}-zones`}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          />
          <datalist id={`${inputId}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </>
      )}
    </FieldRow>
  );
}
