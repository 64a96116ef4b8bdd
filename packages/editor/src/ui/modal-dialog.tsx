import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; the dialog's own close (×, Escape) is always there. */
  actions?: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: focus moves into it, Escape closes it, the page behind is
 * inert. Render it to open it; stop rendering it (from `onClose`) to close it.
 */
export function ModalDialog({ title, onClose, children, actions, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal-dialog ui ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <div className="modal-dialog-body">{children}</div>
      {actions !== undefined && <footer className="modal-dialog-actions">{actions}</footer>}
    </dialog>
  );
}
