import { useState } from 'react';

interface KeyInputProps {
  id: string;
  value: string;
  /** Renames; returns false when the new key is refused (taken), so the input goes back to the old one. */
  onRename: (next: string) => boolean;
  describedBy?: string | undefined;
}

/**
 * A record key, renamed when you leave the input or press Enter (renaming on every keystroke would make a
 * half-typed key collide with another, and move the row under your fingers).
 */
export function KeyInput({ id, value, onRename, describedBy }: KeyInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    const next = draft.trim();
    if (next === value) return;
    if (next === '' || !onRename(next)) setDraft(value);
  };
  return (
    <input
      id={id}
      className="inspector-input inspector-key"
      type="text"
      value={draft}
      spellCheck={false}
      aria-describedby={describedBy}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}
