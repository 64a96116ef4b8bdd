import { useState } from 'react';
import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';

const format = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/** A value of a shape the form has no control for, edited as JSON; text that isn't JSON changes nothing. */
export function JsonField({ path, value, onChange, label, required }: FieldOf<'json'>) {
  const [draft, setDraft] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (seen !== value) {
    setSeen(value);
    setDraft(format(value));
    setError(null);
  }
  return (
    <FieldRow path={path} label={label} required={required} hint={error ?? 'JSON'}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          className="inspector-input inspector-json"
          rows={4}
          spellCheck={false}
          value={draft}
          aria-describedby={describedBy}
          aria-invalid={invalid || error !== null || undefined}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            if (text.trim() === '') {
              setError(null);
              setSeen(undefined);
              onChange(undefined);
              return;
            }
            try {
              const next: unknown = JSON.parse(text);
              setError(null);
              setSeen(next);
              onChange(next);
            } catch (problem) {
              setError(problem instanceof Error ? problem.message : 'not JSON');
            }
          }}
        />
      )}
    </FieldRow>
  );
}
