import { useState, type ReactNode } from 'react';
import { describeError } from './describe-error.ts';
import { ErrorMessage } from './error-message.tsx';
import { ModalDialog } from './modal-dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs on confirm; the dialog stays open showing the error if it fails, and closes when it succeeds. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  danger?: boolean;
}

/** "Are you sure?" with the action's own name on the button, and its failure shown in place. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'button-danger' : 'button-primary'}
            disabled={busy}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error !== null && <ErrorMessage>{error}</ErrorMessage>}
    </ModalDialog>
  );
}
