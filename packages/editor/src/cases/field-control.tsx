import { useId } from 'react';
import type { FieldDraft, FormField } from './field-form.ts';

interface FieldControlProps {
  field: FormField;
  draft: FieldDraft;
  onChange: (draft: FieldDraft) => void;
  problems: readonly string[];
  readOnly: boolean;
}

/** One field of the case as a control of its type, with the API's problems for it underneath. */
export function FieldControl({ field, draft, onChange, problems, readOnly }: FieldControlProps) {
  const id = useId();
  const problemsId = problems.length === 0 ? undefined : `${id}-problems`;
  const common = {
    id,
    className: 'text-input',
    disabled: readOnly,
    'aria-describedby': problemsId,
    'aria-invalid': problems.length > 0 || undefined,
    'data-field': field.key,
  };
  const text = typeof draft === 'string' ? draft : '';
  const control = (() => {
    switch (field.type) {
      case 'boolean':
        return (
          <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            <option value="true">yes</option>
            <option value="false">no</option>
          </select>
        );
      case 'choice':
        return (
          <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">—</option>
            {[...new Set([...field.choices, ...(text !== '' ? [text] : [])])].map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        );
      case 'multi-choice': {
        const chosen = typeof draft === 'string' ? [] : draft;
        return (
          <span className="field-choices" role="group" aria-labelledby={`${id}-label`} data-field={field.key}>
            {field.choices.map((choice) => (
              <label key={choice} className="form-field-inline">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={chosen.includes(choice)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...chosen, choice] : chosen.filter((value) => value !== choice))
                  }
                />
                {choice}
              </label>
            ))}
          </span>
        );
      }
      case 'string-array':
      case 'object':
        return (
          <textarea
            {...common}
            rows={Math.min(8, Math.max(2, text.split('\n').length))}
            value={text}
            spellCheck={field.type === 'string-array'}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      case 'date':
        return <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
      default:
        return (
          <input
            {...common}
            type="text"
            value={text}
            inputMode={field.type === 'number' || field.type === 'integer' ? 'decimal' : undefined}
            placeholder={field.type === 'datetime' ? '2026-12-05T10:00:00Z' : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        );
    }
  })();
  const hint =
    field.type === 'string-array'
      ? 'one per line'
      : field.type === 'object'
        ? 'JSON'
        : field.type === 'datetime'
          ? 'ISO 8601'
          : null;
  return (
    <div className="case-field">
      <label id={`${id}-label`} htmlFor={field.type === 'multi-choice' ? undefined : id} className="case-field-label">
        {field.label}
        {field.required && (
          <span className="required-mark" aria-label="required">
            *
          </span>
        )}
        {hint !== null && <span className="form-field-hint"> ({hint})</span>}
      </label>
      {control}
      {problems.length > 0 && (
        <ul className="case-field-problems" id={problemsId} data-testid="field-problems">
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
