import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from './describe-error.ts';
import { ErrorMessage } from './error-message.tsx';
import { ModalDialog } from './modal-dialog.tsx';

interface FormDialogProps {
  title: string;
  /** The primary button, naming the action: `Publish`, `Delete workflow`. */
  submitLabel: string;
  /** The primary button while `onSubmit` runs: `Publishing…`. The submit label when absent. */
  busyLabel?: string;
  /** False keeps the primary button disabled (a required field still empty). */
  canSubmit?: boolean;
  /** The action destroys something: the primary button says so. */
  danger?: boolean;
  /** On the dialog element. */
  className?: string;
  /** On the form, beside its own layout class. */
  formClassName?: string;
  /** The form checks its input itself in `onSubmit`, showing the errors next to the fields. */
  noValidate?: boolean;
  /**
   * Does the action. Resolving closes the dialog; resolving `false` keeps it open without an error (the form has
   * shown what to fix); rejecting keeps it open showing the failure. `unknown` so that actions resolving to
   * nothing (`Promise<void>`) fit as they are.
   */
  onSubmit: () => Promise<unknown>;
  /** Turns a failure into the message shown; `describeError` when absent. */
  onFailure?: (failure: unknown) => string;
  onClose: () => void;
  /** Under the error message: what the failure is made of (the compiler's issues). */
  afterError?: ReactNode;
  /** The form's contents: what the action does, and its fields if it has any. */
  children: ReactNode;
}

/**
 * A modal dialog whose body is a form and whose footer is Cancel and the action: the action's button is disabled
 * while it runs, and a failure is shown in place so the user can change the input and try again. Confirmations use
 * it too, with only text in the form.
 */
export function FormDialog(props: FormDialogProps) {
  const { title, submitLabel, busyLabel, canSubmit = true, danger, className, formClassName, noValidate } = props;
  const { onSubmit, onFailure = describeError, onClose, afterError, children } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if ((await onSubmit()) === false) setBusy(false);
      else onClose();
    } catch (failure) {
      setError(onFailure(failure));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      title={title}
      className={className}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className={danger ? 'button-danger' : 'button-primary'}
            disabled={busy || !canSubmit}
          >
            {busy ? (busyLabel ?? submitLabel) : submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className={formClassName === undefined ? 'form-dialog-form' : `form-dialog-form ${formClassName}`}
        onSubmit={(event) => void submit(event)}
        noValidate={noValidate}
      >
        {children}
      </form>
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
      {afterError}
    </ModalDialog>
  );
}
