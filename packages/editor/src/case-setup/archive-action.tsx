import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

interface ArchiveActionProps {
  /** What is archived, as the user knows it: `template “KYC review”`. */
  subject: string;
  /** The button's accessible name, naming the record: `Archive KYC review`. */
  label: string;
  /** What archiving does and does not do. */
  children: ReactNode;
  onArchive: () => Promise<void>;
}

/** An Archive button asking first; the API has no unarchive, so the dialog says it is final. */
export function ArchiveAction({ subject, label, children, onArchive }: ArchiveActionProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" aria-label={label} onClick={() => setAsking(true)}>
        Archive
      </button>
      {asking && (
        <ConfirmDialog
          title={`Archive ${subject}?`}
          confirmLabel="Archive"
          danger
          onClose={() => setAsking(false)}
          onConfirm={onArchive}
        >
          {children}
          <p>It cannot be unarchived.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
