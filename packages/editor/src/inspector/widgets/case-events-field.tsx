import { useId } from 'react';
import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldProps } from '../field-props.ts';
import { paramsPointer } from '../form/form-path.ts';
import { asList } from '../form/immutable.ts';

/** `events` of `wait.case`: a checkbox per case event name, kept in the catalog's order. */
export function CaseEventsField({ path, field, value, onChange, label }: FieldProps) {
  const id = useId();
  const issues = useFieldIssues(paramsPointer(path));
  const names = field.kind === 'list' && field.item.kind === 'enum' ? field.item.options : [];
  const chosen = new Set(asList(value).filter((event): event is string => typeof event === 'string'));
  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    // Unknown names the draft holds stay, after the known ones.
    onChange([...names.filter((known) => next.has(known)), ...[...next].filter((other) => !names.includes(other))]);
  };
  return (
    <fieldset className="inspector-group" data-path={paramsPointer(path)}>
      <legend className="inspector-legend">
        {label}
        <span className="inspector-required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <IssueList issues={issues} />
      <div className="inspector-checkboxes">
        {names.map((name, index) => (
          <div key={name} className="inspector-checkbox-row">
            <input
              id={`${id}-${index}`}
              type="checkbox"
              className="inspector-checkbox"
              checked={chosen.has(name)}
              onChange={(event) => toggle(name, event.target.checked)}
            />
            <label htmlFor={`${id}-${index}`}>{name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
