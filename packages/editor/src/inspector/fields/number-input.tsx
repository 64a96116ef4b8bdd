import { useState } from 'react';
import { valueText } from '../form/value-text.ts';

interface NumberInputProps {
  id: string;
  value: unknown;
  integer: boolean;
  /** Called with a number, or with undefined when the input is emptied. */
  onChange: (next: number | undefined) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  min?: number | undefined;
  max?: number | undefined;
  ariaLabel?: string;
}

const numeric = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A number typed as text: what you type stays as typed (`1.` on the way to `1.5`) while the params get the
 * number it reads as; text that isn't a number stays in the input, marked invalid, and changes nothing.
 */
export function NumberInput({
  id,
  value,
  integer,
  onChange,
  describedBy,
  invalid,
  min,
  max,
  ariaLabel,
}: NumberInputProps) {
  const [draft, setDraft] = useState(() => valueText(value));
  const [seen, setSeen] = useState(value);
  // An undo, or another control, changed the value: show it.
  if (seen !== value) {
    setSeen(value);
    setDraft(valueText(value));
  }
  const trimmed = draft.trim();
  const readable = trimmed === '' || (numeric.test(trimmed) && (!integer || Number.isInteger(Number(trimmed))));
  return (
    <input
      id={id}
      className="inspector-input inspector-number"
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      value={draft}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || !readable || undefined}
      title={min !== undefined || max !== undefined ? `${min ?? '…'} to ${max ?? '…'}` : undefined}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        const next = text.trim() === '' ? undefined : Number(text.trim());
        if (next !== undefined && (!numeric.test(text.trim()) || (integer && !Number.isInteger(next)))) return;
        setSeen(next);
        onChange(next);
      }}
    />
  );
}
