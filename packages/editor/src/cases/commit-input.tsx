import { useEffect, useState, type Ref } from 'react';

interface CommitInputProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  /** Commit this long after typing stops too (free-text search), not only on Enter or leaving the field. */
  debounceMs?: number;
  type?: 'search' | 'text' | 'email';
  inputRef?: Ref<HTMLInputElement>;
  maxLength?: number;
}

/**
 * A text filter that changes the URL when the user is done typing (Enter, leaving the field, or a pause), not on
 * every key; it follows the URL when that changes (back, forward, a shared link).
 */
export function CommitInput({
  label,
  value,
  onCommit,
  placeholder,
  debounceMs,
  type = 'text',
  inputRef,
  maxLength = 200,
}: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  useEffect(() => {
    if (debounceMs === undefined || draft === value) return;
    const timer = setTimeout(() => onCommit(draft), debounceMs);
    return () => clearTimeout(timer);
  }, [draft, value, debounceMs, onCommit]);
  return (
    <label className="filter-control">
      <span>{label}</span>
      <input
        ref={inputRef}
        className="text-input"
        type={type}
        value={draft}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => draft !== value && onCommit(draft)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onCommit(draft);
        }}
      />
    </label>
  );
}
