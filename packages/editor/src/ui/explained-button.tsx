import { useId } from 'react';

interface ExplainedButtonProps {
  label: string;
  /** The tooltip while the button works. */
  title: string;
  /** Why the button is disabled, or null when it is enabled. */
  disabledReason: string | null;
  className?: string;
  onClick: () => void;
}

/** A button that, when disabled, says why: in a tooltip and to assistive technology. */
export function ExplainedButton({ label, title, disabledReason, className, onClick }: ExplainedButtonProps) {
  const reasonId = useId();
  return (
    <>
      {/* A disabled button shows no tooltip in some browsers: the wrapper carries it. */}
      <span title={disabledReason ?? title}>
        <button
          type="button"
          className={className}
          disabled={disabledReason !== null}
          onClick={onClick}
          aria-describedby={disabledReason === null ? undefined : reasonId}
        >
          {label}
        </button>
      </span>
      {disabledReason !== null && (
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      )}
    </>
  );
}
