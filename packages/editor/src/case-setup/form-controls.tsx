import { useId, type ReactNode } from 'react';

/** The problems of one control, under it; the control points at the list with `aria-describedby`. */
export function Problems({ id, messages }: { id?: string | undefined; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="case-setup-problems" id={id}>
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

interface ControlFrameProps {
  label: string;
  /** Inside a row the column header says what the input is: the label is for screen readers only. */
  labelHidden?: boolean | undefined;
  hint?: ReactNode;
  messages: readonly string[];
  className?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}

/** A label, a control, its hint and its problems, wired together for assistive technology. */
function ControlFrame({ label, labelHidden, hint, messages, className, children }: ControlFrameProps) {
  const id = useId();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const problemsId = messages.length === 0 ? undefined : `${id}-problems`;
  const describedBy = [hintId, problemsId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`case-setup-control ${className ?? ''}`}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : 'case-setup-label'}>
        {label}
      </label>
      {children({ id, describedBy, invalid: messages.length > 0 || undefined })}
      {hint !== undefined && (
        <p id={hintId} className="form-field-hint">
          {hint}
        </p>
      )}
      <Problems id={problemsId} messages={messages} />
    </div>
  );
}

type TextControlProps = Omit<ControlFrameProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** Keys and names are identifiers: no spell-check squiggles, no auto-capitalised first letter. */
  identifier?: boolean;
  inputMode?: 'text' | 'decimal';
  /** `password` hides what is typed; `email` brings the right keyboard. Text when absent. */
  type?: 'text' | 'email' | 'password';
  /** `new-password` lets a password manager offer one. Off when absent. */
  autoComplete?: string;
};

export function TextControl({
  value,
  onChange,
  placeholder,
  maxLength,
  identifier,
  inputMode,
  type = 'text',
  autoComplete = 'off',
  ...frame
}: TextControlProps) {
  return (
    <ControlFrame {...frame}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="text-input"
          type={type}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          inputMode={inputMode}
          spellCheck={identifier ? false : undefined}
          autoCapitalize={identifier ? 'off' : undefined}
          autoComplete={autoComplete}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </ControlFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

type SelectControlProps = Omit<ControlFrameProps, 'children'> & {
  value: string;
  options: readonly Choice[];
  onChange: (value: string) => void;
  disabled?: boolean;
};

export function SelectControl({ value, options, onChange, disabled, ...frame }: SelectControlProps) {
  return (
    <ControlFrame {...frame}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="text-input"
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </ControlFrame>
  );
}
