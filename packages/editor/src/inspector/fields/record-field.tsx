import { useId } from 'react';
import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldOf } from '../field-props.ts';
import { FieldView } from '../field-view.tsx';
import { paramsPointer } from '../form/form-path.ts';
import { asRecord, renameKey, withProperty } from '../form/immutable.ts';
import { freshKey } from '../form/new-item.ts';
import { KeyInput } from '../key-input.tsx';
import { initialValue } from '../schema/initial-value.ts';

/** Key/value rows: a key input (renamed on blur or Enter), the value's control, a remove button. */
export function RecordField({ path, field, value, onChange, label }: FieldOf<'record'>) {
  const id = useId();
  const record = asRecord(value ?? field.default);
  const issues = useFieldIssues(paramsPointer(path));
  const entries = Object.entries(record);
  return (
    <fieldset className="inspector-group" data-path={paramsPointer(path)}>
      <legend className="inspector-legend">{label}</legend>
      <IssueList issues={issues} />
      {entries.length === 0 && <p className="inspector-empty">None yet.</p>}
      {entries.map(([key, inner], index) => (
        // Rows are keyed by position: a rename keeps the row (and its focus) where it is.
        <div key={index} className="inspector-entry">
          <div className="inspector-field">
            <label className="inspector-label" htmlFor={`${id}-key-${index}`}>
              Key
            </label>
            <KeyInput
              id={`${id}-key-${index}`}
              value={key}
              onRename={(next) => {
                if (Object.hasOwn(record, next)) return false;
                onChange(renameKey(record, key, next));
                return true;
              }}
            />
          </div>
          <FieldView
            path={[...path, key]}
            field={field.value}
            value={inner}
            label={`Value of ${key}`}
            required
            onChange={(next) => onChange(withProperty(record, key, next ?? ''))}
          />
          <button
            type="button"
            className="inspector-remove"
            onClick={() => onChange(withProperty(record, key, undefined))}
          >
            Remove {key}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="inspector-add"
        onClick={() => onChange({ ...record, [freshKey('key', Object.keys(record))]: initialValue(field.value) })}
      >
        Add entry
      </button>
    </fieldset>
  );
}
